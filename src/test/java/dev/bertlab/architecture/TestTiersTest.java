package dev.bertlab.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The test tiers are told apart by JUnit tags, so that {@code -DexcludedGroups=spring,browser,slow} leaves the fast
 * tier (README, "The two commands"). A test that starts the application, drives a browser or starts other JVMs
 * carries the tag that says so; one that forgot would slow the fast tier down or fail in it.
 */
class TestTiersTest {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.bertlab");

    @Test
    void everyTestThatNeedsMoreThanTheJvmIsTaggedWithItsTier() {
        List<String> untagged = new ArrayList<>();
        for (JavaClass test : testClasses()) {
            Set<String> tags = AnnotationSupport.findRepeatableAnnotations(test.reflect(), Tag.class).stream()
                    .map(Tag::value).collect(Collectors.toCollection(TreeSet::new));
            Set<String> needed = new TreeSet<>();
            if (startsTheApplication(test)) {
                needed.add("spring");
            }
            if (usesTheBrowser(test)) {
                needed.add("browser");
            }
            if (startsOtherJvms(test)) {
                needed.add("slow");
            }
            if (!tags.containsAll(needed)) {
                untagged.add(test.getName() + " needs " + needed + ", has " + tags);
            }
        }
        assertThat(untagged).isEmpty();
    }

    @Test
    void theTiersAreFoundWhereTheyAre() {
        // the detection is not vacuous: it finds each tier among today's tests
        List<JavaClass> tests = testClasses();
        assertThat(tests).anyMatch(TestTiersTest::startsTheApplication).anyMatch(TestTiersTest::usesTheBrowser)
                .anyMatch(TestTiersTest::startsOtherJvms)
                .anyMatch(test -> !startsTheApplication(test) && !usesTheBrowser(test) && !startsOtherJvms(test));
    }

    private static List<JavaClass> testClasses() {
        return TESTS.stream().filter(c -> c.getSimpleName().endsWith("Test") && c.isTopLevelClass()
                && !Modifier.isAbstract(c.reflect().getModifiers())
                && c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Test.class)))
                .toList();
    }

    private static boolean startsTheApplication(JavaClass test) {
        return AnnotationSupport.isAnnotated(test.reflect(), SpringBootTest.class)
                || dependsOn(test, "org.springframework.boot.SpringApplication",
                        "org.springframework.boot.builder.SpringApplicationBuilder",
                        "dev.bertlab.support.ChildApplication");
    }

    private static boolean usesTheBrowser(JavaClass test) {
        return test.getAllRawSuperclasses().stream().anyMatch(c -> c.getName().equals("dev.bertlab.e2e.BrowserTest"))
                || test.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("com.microsoft.playwright"));
    }

    private static boolean startsOtherJvms(JavaClass test) {
        return dependsOn(test, "java.lang.ProcessBuilder", "dev.bertlab.support.ChildApplication",
                "dev.bertlab.worker.WorkerSupervisor");
    }

    private static boolean dependsOn(JavaClass test, String... classNames) {
        Set<String> names = Set.of(classNames);
        return test.getDirectDependenciesFromSelf().stream().anyMatch(d -> names.contains(d.getTargetClass().getName()));
    }
}
