package dev.bertlab.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST calls by {@code Authorization: Bearer <token>}. Wrong tokens count as failed logins of the
 * client address (see {@link LoginThrottle}): once it is locked, token calls from it get 429 until the lock ends.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    /** The user name wrong tokens count under: not a valid user name (it has a space). */
    static final String TOKEN_GUESSER = "api token";

    private final ApiTokenService tokens;
    private final LoginThrottle throttle;

    public ApiTokenFilter(ApiTokenService tokens) {
        this(tokens, null);
    }

    public ApiTokenFilter(ApiTokenService tokens, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String address = request.getRemoteAddr();
            java.util.Optional<java.time.Duration> locked = throttle == null ? java.util.Optional.empty()
                    : throttle.lockedFor(TOKEN_GUESSER, address);
            if (locked.isPresent()) {
                long seconds = Math.max(1, locked.get().toSeconds());
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(seconds));
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"status\":429,\"title\":\"Too Many Requests\",\"detail\":\"too many "
                        + "wrong API tokens from this address: try again in " + seconds + " s\"}");
                return;
            }
            var who = tokens.authenticate(header.substring(7).trim());
            who.ifPresent(it -> SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(it.username(), null,
                            AuthorityUtils.createAuthorityList(it.role().authorities()))));
            if (who.isEmpty() && throttle != null) {
                throttle.failed(TOKEN_GUESSER, address);
            }
        }
        chain.doFilter(request, response);
    }
}
