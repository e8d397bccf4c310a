package dev.bertlab.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bertlab.classify.DemoModelService;
import dev.bertlab.dataset.DatasetService;
import dev.bertlab.engine.diagnose.DiagnosisKind;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.run.FixService;
import dev.bertlab.run.RunNotFoundException;
import dev.bertlab.run.RunService;
import dev.bertlab.run.ScheduleService;
import dev.bertlab.support.DashboardApplicationTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The services check roles themselves, so a page or an endpoint that forgot its check still cannot let a viewer
 * queue, cancel or schedule runs, or an editor change users, tokens or the demo model. Called here directly, without
 * any page or endpoint in between. Nothing here changes state: every call is refused or meets an unknown id.
 */
@DashboardApplicationTest
class ServiceMethodSecurityTest {

    @Autowired
    RunService runs;

    @Autowired
    ScheduleService schedules;

    @Autowired
    ExperimentService experiments;

    @Autowired
    DatasetService datasets;

    @Autowired
    FixService fixes;

    @Autowired
    DemoModelService demoModels;

    @Autowired
    UserService users;

    @Autowired
    ApiTokenService tokens;

    /** What only an editor (or an admin) may do. */
    private Map<String, Runnable> editorsWork() {
        Map<String, Runnable> work = new LinkedHashMap<>();
        work.put("run now", () -> runs.runNow(1, "someone"));
        work.put("run at", () -> runs.runAt(1, Instant.now().plusSeconds(3600), "someone"));
        work.put("queue", () -> runs.queue(1, null, null, null, "someone"));
        work.put("cancel", () -> runs.cancel(1, "someone"));
        work.put("resume", () -> runs.resume(1, "someone"));
        work.put("create a schedule", () -> schedules.create(1, "nightly", "", "someone"));
        work.put("pause a schedule", () -> schedules.setEnabled(1, false));
        work.put("delete a schedule", () -> schedules.delete(1));
        work.put("save an experiment", () -> experiments.save(new Experiment(), "someone"));
        work.put("delete a dataset", () -> datasets.delete("imported"));
        work.put("apply a fix", () -> fixes.applyFix(1, DiagnosisKind.OVERFITTING, "someone"));
        return work;
    }

    /** What only an admin may do. */
    private Map<String, Runnable> adminsWork() {
        Map<String, Runnable> work = new LinkedHashMap<>();
        work.put("choose the demo model", () -> demoModels.promoteDemo(1));
        work.put("clear the demo model", () -> demoModels.clearDemo());
        work.put("serve the demo in int8", () -> demoModels.serveDemoInInt8(true));
        work.put("change a role", () -> users.changeRole("admin", Role.VIEWER));
        work.put("change a password", () -> users.changePassword("admin", "a-new-password"));
        work.put("revoke a token", () -> tokens.revoke(1));
        work.put("create a user", () -> users.create("intruder", "intruder-password", Role.ADMIN));
        work.put("issue a token", () -> tokens.issue("backdoor", "admin"));
        return work;
    }

    @Test
    void aViewerMayNotChangeRunsSchedulesExperimentsOrDatasets() {
        editorsWork().forEach((what, call) -> assertThatThrownBy(() -> as(Role.VIEWER, call)).as(what)
                .isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void anEditorMayNotChangeUsersTokensOrTheDemoModel() {
        adminsWork().forEach((what, call) -> assertThatThrownBy(() -> as(Role.EDITOR, call)).as(what)
                .isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void nobodyAtAllMayDoEither() {
        editorsWork().forEach((what, call) -> assertThatThrownBy(call::run).as(what)
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class));
        adminsWork().forEach((what, call) -> assertThatThrownBy(call::run).as(what)
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class));
    }

    @Test
    void theRightRolePassesTheCheckAndMeetsTheServicesOwnRules() {
        // past the role check, the service itself answers: there is no run 424242
        assertThatThrownBy(() -> as(Role.EDITOR, () -> runs.cancel(424242, "someone")))
                .isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> as(Role.ADMIN, () -> demoModels.promoteDemo(424242)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no model to show");
    }

    private static void as(Role role, Runnable call) {
        SystemAuthentication.callAs(role, () -> {
            call.run();
            return null;
        });
    }
}
