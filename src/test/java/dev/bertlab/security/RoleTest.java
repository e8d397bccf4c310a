package dev.bertlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void theNameConstantsAreTheRolesNames() {
        // @RolesAllowed and the views' checks use the constants; a renamed role must rename its constant too
        assertThat(Role.Names.VIEWER).isEqualTo(Role.VIEWER.name());
        assertThat(Role.Names.EDITOR).isEqualTo(Role.EDITOR.name());
        assertThat(Role.Names.ADMIN).isEqualTo(Role.ADMIN.name());
    }

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        assertThat(Role.VIEWER.authorities()).containsExactly("ROLE_VIEWER");
        assertThat(Role.EDITOR.authorities()).containsExactly("ROLE_VIEWER", "ROLE_EDITOR");
        assertThat(Role.ADMIN.authorities()).containsExactly("ROLE_VIEWER", "ROLE_EDITOR", "ROLE_ADMIN");
    }
}
