package dev.bertlab.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets the application itself act (seeding at first start, scheduled work) through the same role-checked services
 * people use, under a named system principal instead of bypassing the checks.
 */
public final class SystemAuthentication {

    public static final String PRINCIPAL = "bertlab";

    private SystemAuthentication() {
    }

    public static <T> T callAs(Role role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
                AuthorityUtils.createAuthorityList(role.authorities())));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
