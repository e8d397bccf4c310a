package dev.bertlab.dataset.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.dataset.LabelDistribution;
import dev.bertlab.dataset.TokenLengths;
import dev.bertlab.engine.data.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** ECharts options for the datasets page: labels per split, and token lengths against a max length. */
final class DatasetCharts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TARGET_BINS = 48;

    private DatasetCharts() {
    }

    /** Grouped bars: examples per class (or target range), one bar per split. */
    static String labelDistribution(LabelDistribution distribution) {
        List<Object> series = new ArrayList<>();
        for (Split split : Split.values()) {
            int[] counts = distribution.counts().get(split);
            List<Integer> data = new ArrayList<>();
            for (int count : counts == null ? new int[0] : counts) {
                data.add(count);
            }
            series.add(Map.of("name", split.id(), "type", "bar", "data", data));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", "Labels per split", "left", "center"));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 60, "right", 20, "top", 40, "bottom", 60));
        option.put("xAxis", Map.of("type", "category", "data", distribution.categories(),
                "axisLabel", Map.of("interval", 0, "rotate", distribution.categories().size() > 6 ? 30 : 0)));
        option.put("yAxis", Map.of("type", "value", "name", "examples"));
        option.put("series", series);
        return write(option);
    }

    /**
     * A histogram of token lengths: bars beyond {@code maxLength} in the warning colour, a line at the max length,
     * and the share truncated in the subtitle.
     */
    static String tokenLengths(TokenLengths lengths, int maxLength) {
        int binWidth = binWidth(lengths.longest());
        int[] bins = lengths.histogram(binWidth);
        List<Object> fits = new ArrayList<>();
        List<Object> truncated = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            List<Object> point = List.of(i * binWidth + binWidth / 2.0, bins[i]);
            (i * binWidth >= maxLength ? truncated : fits).add(point);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", "Token lengths (" + lengths.model() + ")", "left", "center",
                "subtext", String.format(Locale.ROOT, "%.1f%% of %d sampled train texts longer than %d tokens",
                        100 * lengths.shareTruncatedAt(maxLength), lengths.sampled(), maxLength)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 60, "right", 30, "top", 60, "bottom", 60));
        option.put("xAxis", Map.of("type", "value", "name", "tokens", "min", 0));
        option.put("yAxis", Map.of("type", "value", "name", "texts"));
        Map<String, Object> maxLine = Map.of("symbol", "none", "label", Map.of("formatter", "max length " + maxLength),
                "lineStyle", Map.of("color", "#c0392b", "type", "dashed"), "data", List.of(Map.of("xAxis", maxLength)));
        option.put("series", List.of(
                Map.of("name", "fits", "type", "bar", "barWidth", "90%", "stack", "texts", "data", fits,
                        "markLine", maxLine),
                Map.of("name", "truncated", "type", "bar", "barWidth", "90%", "stack", "texts", "data", truncated,
                        "itemStyle", Map.of("color", "#e67e22"))));
        return write(option);
    }

    /** A round bin width giving about {@value #TARGET_BINS} bins. */
    static int binWidth(int longest) {
        int raw = Math.max(1, (int) Math.ceil(longest / (double) TARGET_BINS));
        for (int width : new int[] {4, 8, 16, 32, 64, 128, 256, 512}) {
            if (raw <= width) {
                return width;
            }
        }
        return 1024;
    }

    private static String write(Object option) {
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a chart option", e);
        }
    }
}
