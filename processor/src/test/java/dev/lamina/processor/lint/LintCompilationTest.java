package dev.lamina.processor.lint;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered rule inside javac: for each rule in {@link Rules#all()}, the cases its test
 * class {@code <Id>Test} declares in {@code static final List<JavacCase> JAVAC}, at least one that
 * triggers it (id, kind, line and column of the offending annotation, or of its
 * {@code activation = } value, and the key words of the message; no other Lamina diagnostic) and
 * one near-miss that compiles without any Lamina diagnostic. A rule without them fails here, so
 * adding a rule never touches this class. For {@code activation = Act.SOFTMAX} javac puts the
 * position of the value on the dot of {@code Act.SOFTMAX} (its position for a member select).
 */
class LintCompilationTest {

    @TestFactory
    Stream<DynamicNode> everyRuleFiresInJavacAndItsNearMissesAreClean() {
        return Rules.all().stream().map(rule -> {
            List<JavacCase> cases = casesOf(rule.id());
            return DynamicContainer.dynamicContainer(rule.id(), Stream.concat(
                    Stream.of(DynamicTest.dynamicTest("has a trigger and a near-miss", () -> {
                        assertTrue(cases.stream().anyMatch(c -> c.kind() != null), rule.id() + "Test.JAVAC has no trigger");
                        assertTrue(cases.stream().anyMatch(c -> c.kind() == null), rule.id() + "Test.JAVAC has no near-miss");
                    })),
                    cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> c.check(rule.id())))));
        });
    }

    /**
     * Fix closure: for every rule, each of its triggers with the Fix its message gives applied as
     * written compiles without any Lamina diagnostic, so following a message never leads to another.
     */
    @TestFactory
    Stream<DynamicNode> everyTriggersFixAsWrittenCompilesClean() {
        return Rules.all().stream().map(rule -> DynamicContainer.dynamicContainer(rule.id(),
                casesOf(rule.id()).stream().filter(c -> c.kind() != null).map(c ->
                        DynamicTest.dynamicTest("fix of " + c.source().getName(), () -> {
                            assertNotNull(c.fix(), rule.id() + "Test.JAVAC: the trigger " + c.source().getName()
                                    + " needs .fixedBy(advice, the model with the Fix applied)");
                            c.checkFix(rule.id());
                        }))));
    }

    /** The {@code JAVAC} cases of {@code <id>Test}; fails with what to add when there are none. */
    @SuppressWarnings("unchecked")
    private static List<JavacCase> casesOf(String id) {
        String testClass = LintCompilationTest.class.getPackageName() + "." + id + "Test";
        try {
            Field field = Class.forName(testClass).getDeclaredField("JAVAC");
            if (!Modifier.isStatic(field.getModifiers())) {
                fail(testClass + ".JAVAC must be static");
            }
            field.setAccessible(true);
            return (List<JavacCase>) field.get(null);
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            return fail("rule " + id + " needs " + testClass + " with static final List<JavacCase> JAVAC: a model"
                    + " that triggers it in javac and a near-miss (see JavacCase)", e);
        } catch (IllegalAccessException e) {
            return fail(testClass + ".JAVAC is not readable", e);
        }
    }
}
