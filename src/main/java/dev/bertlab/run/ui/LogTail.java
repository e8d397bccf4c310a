package dev.bertlab.run.ui;

import com.vaadin.flow.component.html.Pre;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines of the run's activity log, newest at the bottom, kept scrolled to the end. */
class LogTail extends Pre {

    private static final int MAX_LINES = 200;
    private final Deque<String> lines = new ArrayDeque<>();

    LogTail() {
        setId("log-tail");
        setWidthFull();
        getStyle().set("max-height", "260px").set("overflow", "auto").set("margin", "0")
                .set("font-size", "var(--lumo-font-size-xs)").set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("white-space", "pre-wrap").set("box-sizing", "border-box");
    }

    void show(List<String> tail) {
        lines.clear();
        tail.forEach(this::keep);
        render();
    }

    void append(String line) {
        keep(line);
        render();
    }

    private void keep(String line) {
        lines.addLast(line);
        while (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }

    private void render() {
        setText(lines.isEmpty() ? "(nothing yet)" : String.join("\n", lines));
        getElement().executeJs("this.scrollTop = this.scrollHeight");
    }
}
