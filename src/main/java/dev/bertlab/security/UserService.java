package dev.bertlab.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: creation with a hashed password, roles, and the lookup Spring Security logs in with. */
@Service
public class UserService implements UserDetailsService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    public UserService(AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
        return User.withUsername(user.getUsername()).password(user.getPasswordHash())
                .authorities(user.getRole().authorities().toArray(String[]::new)).build();
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public AppUser create(String username, String password, Role role) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("a username has 2 to 64 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("a password has at least 8 characters");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("user " + username + " exists already");
        }
        return users.save(new AppUser(username, passwordEncoder.encode(password), role));
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void changeRole(String username, Role role) {
        users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("no user " + username))
                .setRole(role);
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void changePassword(String username, String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("a password has at least 8 characters");
        }
        users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("no user " + username))
                .setPasswordHash(passwordEncoder.encode(password));
    }

    public List<AppUser> all() {
        return users.findAll();
    }

    public boolean any() {
        return users.count() > 0;
    }
}
