package dev.bertlab.report;

import java.util.List;
import java.util.Locale;

/**
 * Small charts as inline SVG, so a report is one file that opens anywhere without scripts: line charts of curves
 * and a bar chart of one score per experiment. Axes show the range only; a title element on each line or bar gives
 * its exact values on hover.
 */
final class SvgCharts {

    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 560;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    /**
     * A named curve.
     *
     * @param points (x, y) pairs in x order
     */
    record Series(String name, List<double[]> points) {
    }

    /** One bar; {@code value} may be null for an experiment without a result. */
    record Bar(String label, Double value) {
    }

    private SvgCharts() {
    }

    /** Curves over a shared x axis (steps), each in its own colour with a legend. */
    static String lineChart(String title, String xLabel, List<Series> series) {
        List<double[]> all = series.stream().flatMap(s -> s.points().stream()).toList();
        StringBuilder svg = open(title);
        if (all.isEmpty()) {
            return text(svg, WIDTH / 2.0, HEIGHT / 2.0, "middle", "no curve logged").append("</svg>").toString();
        }
        double minX = all.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double maxX = all.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        double minY = Math.min(0, all.stream().mapToDouble(p -> p[1]).min().orElseThrow());
        double maxY = all.stream().mapToDouble(p -> p[1]).max().orElseThrow();
        Scale x = new Scale(minX, maxX, LEFT, WIDTH - RIGHT);
        Scale y = new Scale(minY, maxY, HEIGHT - BOTTOM, TOP);
        axes(svg, x, y, xLabel);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : s.points()) {
                points.append(number(x.at(p[0]))).append(',').append(number(y.at(p[1]))).append(' ');
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(points.toString().strip()).append("\"><title>").append(MarkupText.escape(s.name()))
                    .append("</title></polyline>\n");
            if (s.points().size() == 1) {
                double[] p = s.points().get(0);
                svg.append("<circle r=\"3\" fill=\"").append(colour).append("\" cx=\"").append(number(x.at(p[0])))
                        .append("\" cy=\"").append(number(y.at(p[1]))).append("\"/>\n");
            }
            double legendX = LEFT + 8 + 150.0 * i;
            svg.append("<rect width=\"12\" height=\"4\" fill=\"").append(colour).append("\" x=\"")
                    .append(number(legendX)).append("\" y=\"12\"/>\n");
            text(svg, legendX + 16, 17, "start", s.name());
        }
        return svg.append("</svg>").toString();
    }

    /**
     * One bar per label, its value written above it; a missing value leaves a gap marked "no result". The axis
     * runs from 0 to {@code axisMax} (1 for accuracy, so that bars read as shares), or further when a value does.
     */
    static String barChart(String title, List<Bar> bars, double axisMax) {
        StringBuilder svg = open(title);
        double maxY = Math.max(axisMax, bars.stream().filter(b -> b.value() != null).mapToDouble(Bar::value).max()
                .orElse(axisMax));
        Scale y = new Scale(0, maxY, HEIGHT - BOTTOM, TOP);
        axes(svg, null, y, null);
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double centre = LEFT + slot * (i + 0.5);
            // about 6 pixels a character at this font size: cut labels to their slot so neighbours never overlap
            int fits = Math.max(4, (int) (slot / 6.5));
            String label = bar.label().length() > fits ? bar.label().substring(0, fits - 1) + "…" : bar.label();
            text(svg, centre, HEIGHT - BOTTOM + 16, "middle", label);
            if (bar.value() == null) {
                text(svg, centre, HEIGHT - BOTTOM - 6, "middle", "no result");
                continue;
            }
            double top = y.at(bar.value());
            double width = Math.min(60, slot * 0.6);
            svg.append("<rect fill=\"").append(COLOURS[i % COLOURS.length]).append("\" x=\"")
                    .append(number(centre - width / 2)).append("\" y=\"").append(number(top)).append("\" width=\"")
                    .append(number(width)).append("\" height=\"").append(number(HEIGHT - BOTTOM - top))
                    .append("\"><title>").append(MarkupText.escape(bar.label() + ": " + format(bar.value())))
                    .append("</title></rect>\n");
            text(svg, centre, top - 4, "middle", format(bar.value()));
        }
        return svg.append("</svg>").toString();
    }

    /** Maps data values onto pixels; a range of one value is widened so that it still draws. */
    private record Scale(double min, double max, double from, double to) {
        double at(double value) {
            double span = max - min == 0 ? 1 : max - min;
            return from + (value - min) / span * (to - from);
        }
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n<title>").append(MarkupText.escape(title))
                .append("</title>\n");
        return svg;
    }

    private static void axes(StringBuilder svg, Scale x, Scale y, String xLabel) {
        svg.append("<line stroke=\"#888\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>\n");
        svg.append("<line stroke=\"#888\" x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM)
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>\n");
        double middle = (y.min() + y.max()) / 2;
        svg.append("<line stroke=\"#ddd\" stroke-dasharray=\"3,3\" x1=\"").append(LEFT).append("\" y1=\"")
                .append(number(y.at(middle))).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"")
                .append(number(y.at(middle))).append("\"/>\n");
        text(svg, LEFT - 4, y.at(middle) + 4, "end", format(middle));
        text(svg, LEFT - 4, y.to() + 4, "end", format(y.max()));
        text(svg, LEFT - 4, y.from(), "end", format(y.min()));
        if (x != null) {
            text(svg, LEFT, HEIGHT - BOTTOM + 14, "start", format(x.min()));
            text(svg, WIDTH - RIGHT, HEIGHT - BOTTOM + 14, "end", format(x.max()));
            text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, "middle", xLabel);
        }
    }

    private static StringBuilder text(StringBuilder svg, double x, double y, String anchor, String content) {
        return svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(MarkupText.escape(content))
                .append("</text>\n");
    }

    /** Values as axis labels and bar captions show them: whole numbers plain, others to three decimals. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String number(double pixels) {
        return String.format(Locale.ROOT, "%.1f", pixels);
    }
}
