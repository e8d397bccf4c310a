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

    /** Spring Security authorities: the role and every role it includes. */
    public List<String> authorities() {
        return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal())
                .map(r -> "ROLE_" + r.name()).toList();
    }
}
