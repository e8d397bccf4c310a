package dev.bertlab.engine.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.run.TrainingLogWriter;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.TinyTokenizer;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.CheckpointStore;
import dev.bertlab.engine.train.EncodedSplit;
import dev.bertlab.engine.train.FineTuner;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import dev.bertlab.engine.train.TrainingEventListener;
import dev.bertlab.engine.train.TrainingOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingAugmentationTest {

    private static final List<String> LABELS = List.of("negative", "positive");
    private static final List<Example> TRAIN = List.of(
            Example.classified("r1", "The film was good and the actors were great", null, 1),
            Example.classified("r2", "A boring story and awful actors", null, 0),
            Example.classified("r3", "Great fun, a very good movie", null, 1),
            Example.classified("r4", "The plot was bad but the film is not boring", null, 1),
            Example.classified("r5", "It was not good", null, 0),
            Example.classified("r6", "Awful movie, bad plot", null, 0),
            Example.classified("r7", "I liked the story and the actors", null, 1),
            Example.classified("r8", "Very bad film", null, 0),
            Example.classified("r9", "A great story, great actors", null, 1),
            Example.classified("r10", "The movie was boring and awful", null, 0),
            Example.classified("r11", "Good plot, fun film", null, 1),
            Example.classified("r12", "It is a bad, boring movie", null, 0));

    @TempDir
    Path temp;

    private static TrainingAugmentation eda(int copies) {
        return new TrainingAugmentation(TextAugmenter.of(AugmentationMode.EDA, 0.2), copies, 42);
    }

    @Test
    void everyOriginalIsFollowedByItsCopiesWithItsLabel() {
        TrainingAugmentation.Result result = eda(2).apply(TRAIN);
        assertThat(result.originals()).isEqualTo(12);
        assertThat(result.augmented()).isEqualTo(24);
        assertThat(result.examples()).hasSize(36);
        for (int i = 0; i < TRAIN.size(); i++) {
            Example original = TRAIN.get(i);
            assertThat(result.examples().get(3 * i)).isSameAs(original);
            for (int k = 1; k <= 2; k++) {
                Example copy = result.examples().get(3 * i + k);
                assertThat(copy.id()).isEqualTo(original.id() + "~aug" + k);
                assertThat(copy.label()).isEqualTo(original.label());
                assertThat(copy.text()).isNotBlank();
            }
        }
        long changed = result.examples().stream().filter(e -> e.id().contains("~aug")).filter(copy -> !copy.text()
                .equals(TRAIN.get(Integer.parseInt(copy.id().replaceAll("r(\\d+)~.*", "$1")) - 1).text())).count();
        assertThat(changed).isGreaterThan(18);
    }

    @Test
    void aCopyDependsOnTheSeedAndTheIdNotOnTheOrder() {
        List<Example> shuffled = new ArrayList<>(TRAIN);
        Collections.shuffle(shuffled, new Random(5));
        Map<String, String> inOrder = texts(eda(3).apply(TRAIN));
        assertThat(texts(eda(3).apply(shuffled))).isEqualTo(inOrder);
        assertThat(texts(eda(3).apply(TRAIN))).isEqualTo(inOrder);
        Map<String, String> otherSeed = texts(new TrainingAugmentation(TextAugmenter.of(AugmentationMode.EDA, 0.2), 3,
                43).apply(TRAIN));
        assertThat(otherSeed).isNotEqualTo(inOrder);
    }

    @Test
    void bothTextsOfAPairAreAugmentedAndRegressionTargetsKept() {
        List<Example> pairs = List.of(Example.regression("p1", "A man plays a guitar on the stage",
                "Someone is playing music in front of people", 4.2));
        TrainingAugmentation.Result result = new TrainingAugmentation(new TextAugmenter(AugmentationMode.SWAP, 0.3,
                null), 2, 1).apply(pairs);
        assertThat(result.examples()).hasSize(3).allSatisfy(e -> assertThat(e.target()).isEqualTo(4.2));
        assertThat(result.examples().get(1).textPair()).isNotNull().isNotEqualTo(pairs.get(0).textPair());
        assertThatThrownBy(() -> eda(0)).hasMessageContaining("must be 1 to 16");
    }

    private static Map<String, String> texts(TrainingAugmentation.Result result) {
        return result.examples().stream().collect(Collectors.toMap(Example::id, Example::text));
    }

    @Test
    void aRunWithAugmentationTrainsOnTheCopiesAndSaysSo() throws Exception {
        Hyperparameters hp = Hyperparameters.builder().learningRate(1e-3).batchSize(4).epochs(1).warmupSteps(1)
                .loggingSteps(1).evalStrategy(Hyperparameters.EvalStrategy.NO)
                .saveStrategy(Hyperparameters.SaveStrategy.NO).maxLength(32).augmentation(AugmentationMode.EDA)
                .augmentationStrength(0.2).augmentedCopies(2).seed(3).build();
        TrainingAugmentation augmentation = new TrainingAugmentation(
                TextAugmenter.of(hp.augmentation(), hp.augmentationStrength()), hp.augmentedCopies(), hp.seed());
        TrainingAugmentation.Result augmented = augmentation.apply(TRAIN);
        Path tokenizer = TinyTokenizer.write(temp.resolve("tokenizer"));
        List<TrainingEvents.Started> started = new ArrayList<>();
        List<TrainingEvents.Notice> notices = new ArrayList<>();
        TrainingEventListener listener = new TrainingEventListener() {
            @Override
            public void onStarted(TrainingEvents.Started event) {
                started.add(event);
            }

            @Override
            public void onNotice(TrainingEvents.Notice notice) {
                notices.add(notice);
            }
        };
        Path logFile = temp.resolve("training_log.jsonl");
        try (TextEncoder encoder = TextEncoder.open(tokenizer, hp.maxLength(), Truncation.HEAD);
                LoadedBert model = LoadedBert.create(BertConfig.tiny(TinyTokenizer.vocabulary().size()),
                        TaskHead.classification(2), hp.dropoutRates(), Device.cpu(), Map.of(), hp.seed());
                TrainingLogWriter log = new TrainingLogWriter(logFile)) {
            EncodedSplit train = EncodedSplit.encode(encoder, "train", augmented.examples(), false,
                    augmented.augmented(), done -> { });
            EncodedSplit validation = EncodedSplit.encode(encoder, "validation", TRAIN.subList(0, 4), false, 0,
                    done -> { });
            assertThat(train.size()).isEqualTo(36);
            assertThat(train.originalExamples()).isEqualTo(12);
            assertThat(validation.augmentedExamples()).isZero();
            FineTuner tuner = new FineTuner(model, train, validation, LABELS, hp,
                    new CheckpointStore(temp.resolve("checkpoints"), 1), List.of(listener, log), 0);
            // one epoch over 36 examples in batches of 4: the copies are trained on
            assertThat(tuner.totalSteps()).isEqualTo(9);
            TrainingOutcome outcome = tuner.train(false, () -> false);
            assertThat(outcome.reason()).isEqualTo(TrainingOutcome.FinishReason.COMPLETED);
        }
        assertThat(started).singleElement().satisfies(event -> {
            assertThat(event.trainExamples()).isEqualTo(36);
            assertThat(event.augmentedExamples()).isEqualTo(24);
        });
        assertThat(notices).filteredOn(n -> n.kind().equals("augmentation")).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("36 examples", "12 originals",
                        "24 augmented copies", "EDA"));
        assertThat(Files.readAllLines(logFile)).anySatisfy(line -> assertThat(line)
                .contains("\"kind\":\"augmentation\"", "24 augmented copies"));
    }
}
