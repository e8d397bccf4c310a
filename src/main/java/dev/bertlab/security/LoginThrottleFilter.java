package dev.bertlab.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the login form's POST: a user locked out at this address (see {@link LoginThrottle}) is sent back to
 * {@code /login?locked=<minutes>} without the password being checked; the failure that sets the lock lands there too.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        String address = request.getRemoteAddr();
        Optional<Duration> locked = throttle.lockedFor(user, address);
        if (locked.isPresent()) {
            response.sendRedirect(lockedPage(request, locked.get()));
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                Optional<Duration> now = location.contains("error") ? throttle.lockedFor(user, address)
                        : Optional.empty();
                super.sendRedirect(now.isPresent() ? lockedPage(request, now.get()) : location);
            }
        });
    }

    private static String lockedPage(HttpServletRequest request, Duration left) {
        return request.getContextPath() + "/login?locked=" + Math.max(1, (left.toSeconds() + 59) / 60);
    }
}
