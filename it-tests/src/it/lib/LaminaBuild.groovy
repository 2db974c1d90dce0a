/*
 * Assertions on one finished user build (its build.log and target/), shared by the verify.groovy
 * scripts of src/it/<project>. Load it with:
 *
 *   def build = new GroovyClassLoader(getClass().classLoader)
 *           .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)
 *
 * Expected diagnostic positions are computed from the source, never hard-coded: the line is the
 * one holding the annotation, the column is where its '@' is (javac reports 1-based columns), so
 * editing a test model cannot silently make a check pass on the wrong line.
 */
class LaminaBuild {

    /** [LEVEL] /path/File.java:[line,col] message, as maven-compiler-plugin prints a javac diagnostic. */
    static final java.util.regex.Pattern DIAGNOSTIC =
            ~/^\[(WARNING|ERROR|INFO)\] (\S+\.java):\[(\d+),(\d+)\] (.*)$/

    final File basedir
    final String log

    LaminaBuild(File basedir) {
        this.basedir = basedir
        this.log = new File(basedir, 'build.log').getText('UTF-8')
    }

    /** The diagnostics of the log whose message starts with {@code [lamina:<id>]} (any id when null). */
    List<Map> laminaDiagnostics(String ruleId = null) {
        String prefix = ruleId == null ? '[lamina:' : "[lamina:${ruleId}]"
        log.readLines().collect { line -> DIAGNOSTIC.matcher(line) }
                .findAll { m -> m.matches() && m.group(5).startsWith(prefix) }
                .collect { m ->
                    [level: m.group(1), file: new File(m.group(2)).canonicalFile,
                     line: m.group(3) as int, column: m.group(4) as int, message: m.group(5)]
                }
    }

    /**
     * Line and column (1-based) of the first occurrence of {@code annotation} in the source file,
     * outside comment lines.
     */
    static Map positionOf(File source, String annotation) {
        List<String> lines = source.readLines('UTF-8')
        int index = lines.findIndexOf { line ->
            String code = line.trim()
            !(code.startsWith('/*') || code.startsWith('*') || code.startsWith('//')) && code.contains(annotation)
        }
        assert index >= 0: "${source} has no ${annotation}"
        return [line: index + 1, column: lines[index].indexOf(annotation) + 1]
    }

    /**
     * Asserts that the log reports {@code [lamina:<ruleId>]} (any id when {@code ruleId} is null)
     * at {@code level} on the annotation
     * {@code annotation} of {@code source} (relative to the project), at its exact line and column.
     * Returns the diagnostic.
     */
    Map expectDiagnostic(String level, String source, String annotation, String ruleId) {
        File file = new File(basedir, source).canonicalFile
        Map at = positionOf(file, annotation)
        List<Map> found = laminaDiagnostics(ruleId)
        String tag = "[lamina:${ruleId ?: '<any id>'}]"
        Map hit = found.find { it.level == level && it.file == file && it.line == at.line }
        check(hit != null, "expected [${level}] ${file}:[${at.line},${at.column}] ${tag} ...;"
                + " lamina diagnostics in the log: ${laminaDiagnostics()}")
        check(hit.column == at.column, "${tag} is on line ${at.line} but at column ${hit.column},"
                + " expected ${at.column} (the '@' of ${annotation}): ${hit}")
        return hit
    }

    /** Asserts that the log has no Lamina diagnostic at all (no line containing "[lamina:"). */
    void expectNoLaminaDiagnostics() {
        List<String> lines = log.readLines().findAll { it.contains('[lamina:') }
        check(lines.isEmpty(), "expected no Lamina diagnostic, found:\n${lines.join('\n')}")
    }

    /**
     * The log of an invoker project that runs two builds (invoker.project.1 and .2), split after
     * each BUILD SUCCESS or BUILD FAILURE; asserts that the first succeeded and the second failed.
     */
    List<List<String>> successThenFailure(String first, String second) {
        List<List<String>> builds = [[]]
        log.readLines().each { line ->
            builds[-1] << line
            if (line.contains('BUILD SUCCESS') || line.contains('BUILD FAILURE')) builds << []
        }
        check(builds.size() == 3 && builds[0].any { it.contains('BUILD SUCCESS') }
                && builds[1].any { it.contains('BUILD FAILURE') }, "${first}/ builds, ${second}/ fails")
        return builds.take(2)
    }

    /** Asserts that the log contains {@code text}. */
    void expectLog(String text) {
        check(log.contains(text), "build.log does not contain '${text}'")
    }

    /** The log lines starting with [WARNING] that contain every one of {@code words}. */
    List<String> warningsContaining(List<String> words) {
        log.readLines().findAll { line -> line.startsWith('[WARNING]') && words.every { line.contains(it) } }
    }

    /** A generated source under target/generated-sources/annotations, e.g. "com.example.model.ANet". */
    File generatedSource(String className) {
        new File(basedir, 'target/generated-sources/annotations/' + className.replace('.', '/') + '.java')
    }

    /** A compiled class under target/classes. */
    File compiledClass(String className) {
        new File(basedir, 'target/classes/' + className.replace('.', '/') + '.class')
    }

    void expectFile(File file) {
        check(file.isFile(), "missing ${file}")
    }

    void expectNoFile(File file) {
        check(!file.exists(), "must not exist: ${file}")
    }

    /** Throws an AssertionError naming the project, so the invoker report says what failed. */
    void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError("[${basedir.name}] ${message}".toString())
        }
    }
}
