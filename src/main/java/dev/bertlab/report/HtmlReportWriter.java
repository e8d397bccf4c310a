package dev.bertlab.report;

import static dev.bertlab.report.MarkupText.escape;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.significance.BootstrapDifference;
import dev.bertlab.engine.significance.RunDifference;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A family report as one self-contained HTML file: styles inline, charts as inline SVG, no scripts and nothing
 * fetched, so it can be mailed or archived as it is. Every text that people typed or files hold is escaped.
 */
public class HtmlReportWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
            td.number{text-align:right;font-variant-numeric:tabular-nums}
            .note{white-space:pre-wrap;background:#f6f6f6;padding:.5em .8em;border-left:3px solid #999}
            .diagnosis{border:1px solid #e0b4b4;background:#fff6f6;padding:.5em .8em;margin:.5em 0}
            .stage{font-size:.8em;border-radius:1em;padding:0 .6em;background:#eee}
            .verdict{font-weight:600}.muted{color:#666}
            """;

    /** The report as UTF-8 HTML. */
    public void write(FamilyReport report, OutputStream out) throws IOException {
        out.write(write(report).getBytes(StandardCharsets.UTF_8));
    }

    public String write(FamilyReport report) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>BertLab report: ")
                .append(escape(report.familyName())).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        header(html, report);
        summary(html, report);
        initialProblem(html, report);
        steps(html, report);
        curves(html, report);
        evaluation(html, report);
        problems(html, report);
        return html.append("</body>\n</html>\n").toString();
    }

    private static void header(StringBuilder html, FamilyReport report) {
        ReportedExperiment root = report.root();
        html.append("<h1>Experiment family: ").append(escape(report.familyName())).append("</h1>\n")
                .append("<p class=\"muted\">Generated ").append(TIME.format(report.generatedAt()))
                .append(" · dataset ").append(escape(root.experiment().getDataset()))
                .append(" · base model ").append(escape(root.experiment().getBaseModel())).append("</p>\n");
        html.append("<h2>Family</h2>\n<ul id=\"family\">\n");
        for (ReportedExperiment experiment : report.experiments()) {
            html.append("<li style=\"margin-left:").append(1.5 * experiment.depth()).append("em\">")
                    .append(escape(experiment.name())).append(" <span class=\"stage\">")
                    .append(experiment.experiment().getStage().name().toLowerCase(Locale.ROOT)).append("</span> ")
                    .append(experiment.hasResults() ? "<span class=\"muted\">run #" + experiment.run().getId()
                            + "</span>" : "<span class=\"muted\">no successful run yet</span>")
                    .append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void summary(StringBuilder html, FamilyReport report) {
        html.append("<h2>Summary</h2>\n");
        if (!report.hasResults()) {
            html.append("<p id=\"no-results\">There are no results yet: no experiment of this family has a"
                    + " successful run.</p>\n");
        }
        html.append("<ul id=\"summary\">\n");
        report.summary().forEach(sentence -> html.append("<li>").append(escape(sentence)).append("</li>\n"));
        html.append("</ul>\n");
    }

    private static void initialProblem(StringBuilder html, FamilyReport report) {
        ReportedExperiment root = report.root();
        html.append("<h2>Initial problem</h2>\n<p>").append(escape(root.name()));
        String hypothesis = root.experiment().getNotes();
        html.append(hypothesis == null || hypothesis.isBlank() ? " (no hypothesis written).</p>\n"
                : ", hypothesis:</p>\n<div class=\"note\">" + escape(hypothesis) + "</div>\n");
        if (report.initialProblem().isEmpty()) {
            html.append("<p>").append(root.hasResults() ? "The debugging assistant found no problem in run #"
                    + root.run().getId() + "." : "No finished run has been diagnosed yet.").append("</p>\n");
        }
        report.initialProblem().forEach(diagnosis -> diagnosis(html, diagnosis));
    }

    private static void diagnosis(StringBuilder html, Diagnosis diagnosis) {
        html.append("<div class=\"diagnosis\"><strong>").append(escape(diagnosis.title())).append("</strong> <span")
                .append(" class=\"muted\">").append(escape(diagnosis.kind().label())).append(", ")
                .append(diagnosis.severity().name().toLowerCase(Locale.ROOT))
                .append(diagnosis.step() == null ? "" : ", at step " + diagnosis.step()).append("</span>")
                .append("<p>Evidence: ").append(escape(diagnosis.evidence().sentence())).append("</p><p>Remedy: ")
                .append(escape(diagnosis.remedy().advice()));
        if (!diagnosis.remedy().changes().isEmpty()) {
            html.append(" (").append(escape(diagnosis.remedy().changesText())).append(')');
        }
        html.append("</p></div>\n");
    }

    private static void steps(StringBuilder html, FamilyReport report) {
        html.append("<h2>Debugging steps</h2>\n");
        if (report.steps().isEmpty()) {
            html.append("<p>The family has no refinements yet.</p>\n");
        }
        for (DebuggingStep step : report.steps()) {
            html.append("<h3>").append(escape(step.parent().name())).append(" → ").append(escape(step.child().name()))
                    .append(" <span class=\"stage\">").append(step.child().experiment().getStage().name()
                            .toLowerCase(Locale.ROOT)).append("</span></h3>\n");
            html.append("<p>What changed and why:</p>\n<div class=\"note\">").append(escape(step.changeNote()))
                    .append("</div>\n");
            changes(html, step.changes());
            if (!step.motivatedBy().isEmpty()) {
                html.append("<p>It answers these diagnoses of ").append(escape(step.parent().runLabel()))
                        .append(":</p>\n");
                step.motivatedBy().forEach(d -> diagnosis(html, d));
            }
            significance(html, step);
        }
    }

    private static void changes(StringBuilder html, List<SettingChange> changes) {
        if (changes.isEmpty()) {
            html.append("<p>No setting differs from the parent.</p>\n");
            return;
        }
        html.append("<table class=\"changes\"><tr><th>Setting</th><th>Before</th><th>After</th></tr>\n");
        changes.forEach(change -> html.append("<tr><td>").append(escape(change.key())).append("</td><td>")
                .append(escape(change.before())).append("</td><td>").append(escape(change.after()))
                .append("</td></tr>\n"));
        html.append("</table>\n");
    }

    private static void significance(StringBuilder html, DebuggingStep step) {
        RunDifference difference = step.difference();
        if (difference == null) {
            html.append("<p>Before and after: not compared, ").append(escape(step.noDifference()))
                    .append(".</p>\n");
            return;
        }
        BootstrapDifference accuracy = difference.bootstrap().accuracy();
        html.append("<p class=\"verdict\">").append(escape(difference.plainVerdict())).append("</p>\n")
                .append("<table><tr><th></th><th>Before</th><th>After</th><th>Difference</th><th>95% CI</th></tr>\n")
                .append(String.format(Locale.ROOT, "<tr><td>Test accuracy</td><td class=\"number\">%.3f</td>"
                        + "<td class=\"number\">%.3f</td><td class=\"number\">%+.1f points</td>"
                        + "<td class=\"number\">%+.1f to %+.1f</td></tr>\n", accuracy.scoreA(), accuracy.scoreB(),
                        100 * accuracy.difference(), 100 * accuracy.lower(), 100 * accuracy.upper()))
                .append("</table>\n<p class=\"muted\">McNemar: ").append(difference.mcNemar().onlyBRight())
                .append(" examples only the child gets right, ").append(difference.mcNemar().onlyARight())
                .append(" only the parent; paired bootstrap over ").append(difference.bootstrap().examples())
                .append(" test examples.</p>\n");
    }

    private static void curves(StringBuilder html, FamilyReport report) {
        html.append("<h2>Training curves</h2>\n");
        for (ReportedExperiment experiment : report.experiments()) {
            if (!experiment.hasResults()) {
                continue;
            }
            html.append("<h3>").append(escape(experiment.runLabel())).append("</h3>\n")
                    .append(SvgCharts.lineChart("Loss of " + experiment.runLabel(), "step", List.of(
                            new SvgCharts.Series("training loss", experiment.trainingLoss()),
                            new SvgCharts.Series("validation loss", experiment.validationLoss()))))
                    .append('\n');
        }
        if (!report.hasResults()) {
            html.append("<p>No curves yet.</p>\n");
        }
    }

    private static void evaluation(StringBuilder html, FamilyReport report) {
        boolean ece = report.evaluation().stream().anyMatch(row -> row.ece() != null);
        html.append("<h2>Final evaluation</h2>\n<table id=\"evaluation\"><tr><th>Experiment</th><th>Stage</th>")
                .append("<th>Run</th><th>Test accuracy</th><th>F1</th><th>Log loss</th>")
                .append(ece ? "<th>ECE</th>" : "").append("<th>Steps</th><th>Train time</th></tr>\n");
        for (EvaluationRow row : report.evaluation()) {
            html.append("<tr><td>").append(escape(row.experimentName())).append("</td><td>")
                    .append(row.stage().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(row.runId() == null ? "no successful run" : "#" + row.runId()).append("</td>")
                    .append(cell(row.accuracy())).append(cell(row.f1())).append(cell(row.logLoss()))
                    .append(ece ? cell(row.ece()) : "")
                    .append("<td class=\"number\">").append(row.steps() == null ? "–" : row.steps()).append("</td>")
                    .append("<td class=\"number\">").append(duration(row.trainTime())).append("</td></tr>\n");
        }
        html.append("</table>\n").append(SvgCharts.barChart("Test accuracy per experiment", report.evaluation()
                .stream().map(row -> new SvgCharts.Bar(row.experimentName(), row.accuracy())).toList(), 1.0))
                .append('\n');
    }

    private static void problems(StringBuilder html, FamilyReport report) {
        if (report.problems().isEmpty()) {
            return;
        }
        html.append("<h2>Could not be read</h2>\n<ul>\n");
        report.problems().forEach(p -> html.append("<li>").append(escape(p)).append("</li>\n"));
        html.append("</ul>\n");
    }

    private static String cell(Double value) {
        return "<td class=\"number\">" + (value == null ? "–" : String.format(Locale.ROOT, "%.3f", value)) + "</td>";
    }

    /** "1 h 02 min", "3 min 05 s", "12 s"; "–" when unknown. */
    static String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
                : seconds + " s";
    }
}
