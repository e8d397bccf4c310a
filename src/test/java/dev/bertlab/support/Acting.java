package dev.bertlab.support;

import dev.bertlab.security.Role;
import dev.bertlab.security.SystemAuthentication;
import java.util.function.Supplier;

/**
 * Calls a role-checked service the way a person with that role would: tests that drive services directly act as an
 * editor or an admin, on whichever thread the call happens (run events arrive on others).
 */
public final class Acting {

    private Acting() {
    }

    public static <T> T asEditor(Supplier<T> call) {
        return SystemAuthentication.callAs(Role.EDITOR, call);
    }

    public static void asEditor(Runnable call) {
        SystemAuthentication.callAs(Role.EDITOR, () -> {
            call.run();
            return null;
        });
    }

    public static <T> T asAdmin(Supplier<T> call) {
        return SystemAuthentication.callAs(Role.ADMIN, call);
    }

    public static void asAdmin(Runnable call) {
        SystemAuthentication.callAs(Role.ADMIN, () -> {
            call.run();
            return null;
        });
    }
}
