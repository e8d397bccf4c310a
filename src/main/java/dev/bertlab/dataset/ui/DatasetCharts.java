package dev.bertlab.dataset.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.dataset.LabelDistribution;
import dev.bertlab.dataset.TokenLengths;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** ECharts options for the datasets page: labels per split, and token lengths against a max length. */
final class DatasetCharts {

    private static final ObjectMapper JSON = Json.mapper();
    private static final int TARGET_BINS = 48;
    private static final String FITS = "#5470c6";
    private static final String TRUNCATED = "#e67e22";

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
     * A histogram of token lengths: bins beyond {@code maxLength} in orange, a dashed line at the max length, and the
     * share truncated in the subtitle. The axis reaches the max length even when every text is shorter.
     */
    static String tokenLengths(TokenLengths lengths, int maxLength) {
        int binWidth = binWidth(lengths.longest());
        int[] bins = lengths.histogram(binWidth);
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            boolean truncated = i * binWidth >= maxLength;
            data.add(Map.of("value", List.of(i * binWidth + binWidth / 2.0, bins[i]),
                    "itemStyle", Map.of("color", truncated ? TRUNCATED : FITS)));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", "Token lengths (" + lengths.model() + ")", "left", "center",
                "subtext", String.format(Locale.ROOT, "%.1f%% of %d sampled train texts longer than %d tokens "
                        + "(orange)", 100 * lengths.shareTruncatedAt(maxLength), lengths.sampled(), maxLength)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 60, "right", 50, "top", 70, "bottom", 40));
        option.put("xAxis", Map.of("type", "value", "name", "tokens", "min", 0,
                "max", Math.max(lengths.longest(), maxLength) + binWidth));
        option.put("yAxis", Map.of("type", "value", "name", "texts"));
        Map<String, Object> maxLine = Map.of("symbol", "none", "label", Map.of("formatter", "max length " + maxLength, "position", "insideEndTop"),
                "lineStyle", Map.of("color", "#c0392b", "type", "dashed"), "data", List.of(Map.of("xAxis", maxLength)));
        option.put("series", List.of(Map.of("name", "texts", "type", "bar", "barWidth", "90%", "data", data,
                "markLine", maxLine)));
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
