package dev.bertlab.cli;

import dev.bertlab.engine.ComputeDevice;
import dev.bertlab.engine.predict.ServingRuntime;
import dev.bertlab.engine.predict.TextClassifier;
import dev.bertlab.engine.tokenize.Truncation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify texts given as arguments, one per line on standard input, or in a CSV column.")
final class PredictCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "fine-tuned model directory")
    String model;

    @Option(names = "--input", paramLabel = "CSV", description = "CSV file with a header row")
    Path input;

    @Option(names = "--text-column", defaultValue = "text", description = "column of --input holding the text")
    String textColumn;

    @Option(names = "--output", paramLabel = "CSV", description = "write results here instead of standard output")
    Path output;

    @Option(names = "--truncation", defaultValue = "head", description = "head, tail or head+tail:N")
    String truncation;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, cuda or cuda:N")
    String device;

    @Option(names = "--runtime", defaultValue = "auto",
            description = "auto (ONNX Runtime on a CPU, the engine on a GPU), onnx or djl")
    String runtime;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "texts to classify")
    List<String> texts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> batch = texts.isEmpty() ? readTexts() : texts;
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("no texts: give them as arguments, on standard input or with --input");
        }
        ai.djl.Device selected = ComputeDevice.select(device);
        try (TextClassifier classifier = TextClassifier.open(data.models(), model, selected, 0,
                Truncation.parse(truncation), ServingRuntime.choose(runtime, selected))) {
            List<String> header = new ArrayList<>(List.of("text", "label", "confidence"));
            classifier.labels().forEach(label -> header.add("p_" + label));
            header.add("truncated");
            Writer writer = output != null ? Files.newBufferedWriter(output, StandardCharsets.UTF_8)
                    : new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                    .setHeader(header.toArray(String[]::new)).get())) {
                for (int start = 0; start < batch.size(); start += 64) {
                    List<String> chunk = batch.subList(start, Math.min(batch.size(), start + 64));
                    List<TextClassifier.Classification> results = classifier.classify(chunk);
                    for (int i = 0; i < chunk.size(); i++) {
                        TextClassifier.Classification result = results.get(i);
                        List<Object> row = new ArrayList<>();
                        row.add(chunk.get(i));
                        row.add(result.label());
                        float confidence = 0;
                        for (float p : result.probabilities()) {
                            confidence = Math.max(confidence, p);
                        }
                        row.add(String.format(Locale.ROOT, "%.4f", confidence));
                        for (float p : result.probabilities()) {
                            row.add(String.format(Locale.ROOT, "%.4f", p));
                        }
                        row.add(result.truncated());
                        printer.printRecord(row);
                    }
                    printer.flush();
                }
            }
        }
        return 0;
    }

    private List<String> readTexts() throws Exception {
        List<String> lines = new ArrayList<>();
        if (input != null) {
            try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
                for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    if (!record.isMapped(textColumn)) {
                        throw new IllegalArgumentException(input + " has no column '" + textColumn + "'; columns: "
                                + record.getParser().getHeaderNames());
                    }
                    lines.add(record.get(textColumn));
                }
            }
            return lines;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
