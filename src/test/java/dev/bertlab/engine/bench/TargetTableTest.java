package dev.bertlab.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetTableTest {

    /** The shape of peer_bert_bench.py's --out file, trimmed to what the bench reads. */
    private static final String PEER_JSON = """
            {"threads": 1, "results": {
              "matmul_2048": {"gflops_median": 460.5},
              "base": {"train_b8_s128": {"samples_per_s": 2.5}, "infer_b1_s128": {"latency_s": {"median": 0.110}}},
              "minilm": {"train_b32_s128": {"samples_per_s": 16.0},
                         "infer_b1_s128": {"latency_s": {"median": 0.017}}}}}
            """;

    @Test
    void thePeersFiguresAreReadFromItsJson() throws Exception {
        PeerBench.Figures figures = PeerBench.parse(new ObjectMapper().readTree(PEER_JSON));
        assertThat(figures.bertBaseTrain()).isEqualTo(2.5);
        assertThat(figures.miniLmTrain()).isEqualTo(16.0);
        assertThat(figures.bertBaseForwardMillis()).isCloseTo(110.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(figures.miniLmForwardMillis()).isCloseTo(17.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(figures.matmulGflops()).isEqualTo(460.5);
    }

    @Test
    void eachTargetIsJudgedAgainstItsReference() throws Exception {
        TargetTable.Measured measured = new TargetTable.Measured();
        measured.bertBaseTrain = 3.1;
        measured.miniLmTrain = 11.5;
        measured.miniLmServing = 12.1;
        measured.miniLmReferenceGraph = 14.8;
        measured.int8Serving = 8.6;
        measured.int8Fp32Serving = 12.5;
        measured.oneCaller = 100;
        measured.sixteenCallers = 160;
        measured.scalingReason = "2 cores serve at most 170 calls/s";
        String table = print(measured, Optional.of(PeerBench.parse(new ObjectMapper().readTree(PEER_JSON))));
        assertThat(line(table, "BERT-base training")).contains("1.24x").endsWith("| met |");
        assertThat(line(table, "MiniLM training")).contains("0.72x").endsWith("| MISSED |");
        assertThat(line(table, "serving path")).contains("0.82x").endsWith("| met |");
        assertThat(line(table, "int8 MiniLM")).contains("1.45x faster").endsWith("| MISSED |");
        assertThat(line(table, "16 concurrent")).contains("1.60x")
                .endsWith("| MISSED: 2 cores serve at most 170 calls/s |");

        String withoutPeer = print(measured, Optional.empty());
        assertThat(line(withoutPeer, "BERT-base training")).endsWith("| not measured |");
        measured.int8Serving = 5.0;
        assertThat(line(print(measured, Optional.empty()), "int8 MiniLM")).contains("2.50x faster")
                .endsWith("| met |");
        assertThat(withoutPeer).contains("the peer did not run");
    }

    private static String print(TargetTable.Measured measured, Optional<PeerBench.Figures> peer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TargetTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), measured, peer);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String line(String table, String start) {
        return table.lines().filter(l -> l.startsWith("| ") && l.contains(start)).findFirst().orElseThrow().trim();
    }
}
