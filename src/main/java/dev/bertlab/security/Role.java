package dev.bertlab.security;

import java.util.List;

/** What a user may do; each role includes the ones below it. */
public enum Role {
    /** Look at everything and try the classifier. */
    VIEWER,
    /** Also define, run, schedule and refine experiments, and import datasets. */
    EDITOR,
    /** Also manage users, API tokens and settings, and choose the demo model. */
    ADMIN;

    /**
     * The roles' names as constants, for annotations ({@code @RolesAllowed(Role.Names.EDITOR)}) and checks in views;
     * {@code RoleTest} ties each to its role.
     */
    public static final class Names {
        public static final String VIEWER = "VIEWER";
        public static final String EDITOR = "EDITOR";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    /** Spring Security authorities: the role and every role it includes. */
    public List<String> authorities() {
        return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal())
                .map(r -> "ROLE_" + r.name()).toList();
    }
}
