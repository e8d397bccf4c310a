package dev.bertlab.security;

import dev.bertlab.config.BertLabProperties;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At first start (no users yet) creates the user "admin" with the password from BERTLAB_ADMIN_PASSWORD, or a
 * generated one printed once: it is stored only as a hash and cannot be shown again.
 */
@Component
@Order(0)
public class FirstAdmin implements ApplicationRunner {

    public static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserService users;
    private final BertLabProperties properties;

    public FirstAdmin(UserService users, BertLabProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.any()) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password.isBlank();
        if (generated) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        String chosen = password;
        // no one is logged in at the first start: the application creates the first admin as an admin would
        SystemAuthentication.callAs(Role.ADMIN, () -> users.create(USERNAME, chosen, Role.ADMIN));
        if (generated) {
            String line = "=".repeat(72);
            System.out.println(line);
            System.out.println(" BertLab first start: log in as '" + USERNAME + "' with password " + password);
            System.out.println(" It is shown only this once (set BERTLAB_ADMIN_PASSWORD to choose it).");
            System.out.println(line);
        } else {
            log.info("created user '{}' with the password from BERTLAB_ADMIN_PASSWORD", USERNAME);
        }
    }
}
