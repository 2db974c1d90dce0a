/*
 * The ```java blocks of README.md and docs/*.md, read from the docs' own text and sorted by the
 * marker comment on the line before each block (docs/architecture.md, "Java snippets in the docs"):
 *
 *   (no marker)                         a complete compilation unit: imports, then one or more
 *                                       top-level types; compiled as it stands (package com.example
 *                                       added when it has none);
 *   <!-- snippet: main -->              imports, then statements: compiled as the body of a main
 *                                       method, and run, in the order of DOCS, one JVM each;
 *   <!-- snippet: fields -->            layer fields of a model: compiled as the body of a @Model
 *                                       class without input (annotation names, attributes, types);
 *   <!-- snippet: fails -->             a complete compilation unit whose compilation must fail
 *                                       with a Lamina error in it (the docs show why);
 *   <!-- snippet: it-test NAME -->      checked by it-tests/src/it/NAME instead: its lines appear in
 *                                       a file of that project (or it is README's Bad model, which
 *                                       readme-snippet reads from README.md).
 *
 * Load it with
 *   def docs = new GroovyClassLoader(getClass().classLoader)
 *           .parseClass(new File(itSourceDir, 'lib/DocSnippets.groovy')).newInstance(repositoryRoot)
 */
class DocSnippets {

    /** The documents whose Java is compiled, in the order their main snippets run (training writes
     *  the run that inference loads). */
    static final List<String> DOCS = ['README.md', 'docs/dsl.md', 'docs/lints.md', 'docs/training.md',
            'docs/data.md', 'docs/inference.md', 'docs/experiment.md', 'docs/usage.md', 'docs/gpu.md',
            'docs/performance.md', 'docs/processor-performance.md', 'docs/reliability.md',
            'docs/releasing.md', 'docs/architecture.md']

    static final String PACKAGE = 'com.example'
    static final java.util.regex.Pattern MARKER = ~/^<!-- snippet: ([a-z-]+)(?: (\S+))? -->$/
    static final Set<String> KINDS = ['unit', 'main', 'fields', 'fails', 'it-test'] as Set

    final File root
    /** [doc, line (1-based, of the fence), kind, argument, lines] for every ```java block. */
    final List<Map> snippets = []

    DocSnippets(File root) {
        this.root = root
        DOCS.each { doc ->
            File file = new File(root, doc)
            assert file.isFile(): "${doc} is missing: DocSnippets.DOCS lists the documents to check"
            List<String> lines = file.readLines('UTF-8')
            for (int i = 0; i < lines.size(); i++) {
                if (lines[i] != '```java') continue
                int end = (i + 1..<lines.size()).find { lines[it] == '```' }
                assert end != null: "${doc}:${i + 1}: a ```java block that never ends"
                String before = i > 0 ? lines[i - 1].trim() : ''
                def marker = MARKER.matcher(before)
                String kind = 'unit'
                String argument = null
                if (before.startsWith('<!-- snippet')) {
                    assert marker.matches(): "${doc}:${i}: unreadable snippet marker '${before}';" +
                            " write <!-- snippet: main|fields|fails|it-test NAME -->"
                    kind = marker.group(1)
                    argument = marker.group(2)
                    assert kind in KINDS && kind != 'unit': "${doc}:${i}: unknown snippet kind '${kind}'"
                    assert (kind == 'it-test') == (argument != null): "${doc}:${i}: '${before}'"
                }
                snippets << [doc: doc, line: i + 1, kind: kind, argument: argument, lines: lines.subList(i + 1, end)]
                i = end
            }
        }
    }

    List<Map> of(String kind) {
        snippets.findAll { it.kind == kind }
    }

    /** A class name made of the snippet's place: docs/training.md line 17 is TrainingMdLine17. */
    static String placeName(Map snippet) {
        String base = new File(snippet.doc).name.replaceAll(/\.md$/, '').split(/[^A-Za-z0-9]+/)
                .collect { it.capitalize() }.join('')
        return "${base}MdLine${snippet.line}"
    }

    /** Splits a snippet into its import lines and the rest. */
    static Map importsAndBody(List<String> lines) {
        int first = lines.findIndexOf { !(it.startsWith('import ') || it.trim().isEmpty()) }
        if (first < 0) first = lines.size()
        return [imports: lines.take(first).findAll { !it.trim().isEmpty() }, body: lines.drop(first)]
    }

    /**
     * The Java files of a complete compilation unit (name -> text): one per top-level type, each
     * with the block's imports and package; types are separated by a blank line outside braces.
     */
    static Map<String, String> unitFiles(Map snippet) {
        Map parts = importsAndBody(snippet.lines)
        String pkg = parts.imports.find { it.startsWith('package ') }
        List<List<String>> types = [[]]
        int depth = 0
        parts.body.each { line ->
            if (line.trim().isEmpty() && depth == 0) {
                types << []
                return
            }
            types[-1] << line
            String code = line.replaceAll(/\/\/.*$/, '')
            depth += code.count('{') - code.count('}')
        }
        types = types.findAll { t -> t.any { !it.trim().isEmpty() } }
        Map<String, String> files = [:]
        types.each { type ->
            def name = (type.join('\n') =~ /(?m)^(?:public |final |abstract )*(?:class|record|interface|enum|@interface) (\w+)/)
            assert name.find(): "${snippet.doc}:${snippet.line}: a top-level type without a class, record," +
                    " interface or enum declaration at the start of a line:\n${type.join('\n')}"
            String header = (pkg ? '' : "package ${PACKAGE};\n\n") + parts.imports.join('\n') + '\n\n'
            files[name.group(1)] = header + type.join('\n') + '\n'
        }
        return files
    }

    /** A main snippet as a class whose main method holds its statements. */
    static String mainFile(Map snippet) {
        Map parts = importsAndBody(snippet.lines)
        return "package ${PACKAGE};\n\n" + parts.imports.join('\n') + '\n\n' +
                "/** ${snippet.doc} line ${snippet.line}, as a main method. */\n" +
                "public class ${placeName(snippet)} {\n" +
                "    public static void main(String[] args) throws Exception {\n" +
                parts.body.collect { '        ' + it }.join('\n') + '\n    }\n}\n'
    }

    /** A fields snippet as the body of a @Model class without input. */
    static String fieldsFile(Map snippet) {
        return "package ${PACKAGE};\n\nimport dev.lamina.*;\n\n" +
                "/** The layer fields of ${snippet.doc} line ${snippet.line}. */\n" +
                "@Model\npublic class ${placeName(snippet)} {\n" +
                snippet.lines.collect { '    ' + it }.join('\n') + '\n}\n'
    }

    /** Writes dir/src/main/java/com/example/<Name>.java and returns the file. */
    static File writeSource(File dir, String name, String text) {
        File file = new File(dir, "src/main/java/${PACKAGE.replace('.', '/')}/${name}.java")
        assert !file.exists(): "two snippets declare ${PACKAGE}.${name}: give one another name"
        file.parentFile.mkdirs()
        file.setText(text, 'UTF-8')
        return file
    }

    /**
     * Every dev.lamina.* name the documents' prose mentions (backticked or not), with where; not
     * those in fenced blocks: the Java ones are compiled, the others are output, which may show a
     * name that does not exist (dsl.md's UnknownAnnotation example, dev.lamina.Shuffle).
     */
    List<Map> qualifiedNames() {
        List<Map> names = []
        (DOCS + ['docs/results/README.md']).each { doc ->
            File file = new File(root, doc)
            if (!file.isFile()) return
            boolean fenced = false
            file.readLines('UTF-8').eachWithIndex { line, i ->
                if (line.startsWith('```')) fenced = !fenced
                if (fenced) return
                (line =~ /\bdev\.lamina(?:\.\w+)*/).each { String name ->
                    names << [doc: doc, line: i + 1, name: name]
                }
            }
        }
        return names
    }

    /**
     * Whether a dev.lamina name exists in the sources of this repository: a package (a folder of a
     * module's src/main/java or src/test/java), or a type (its .java file) followed by members or
     * nested types. The name may end with a '.' of the sentence.
     */
    boolean exists(String name) {
        List<String> parts = name.split(/\./).toList()
        List<File> sourceRoots = ['runtime', 'processor', 'examples', 'maven-plugin'].collectMany { module ->
            ['src/main/java', 'src/test/java'].collect { new File(root, "${module}/${it}") } +
                    // generated sources, e.g. the ONNX protobuf classes
                    (new File(root, "${module}/target/generated-sources").listFiles() ?: []).toList()
        }.findAll { it.isDirectory() }
        int type = parts.findIndexOf { Character.isUpperCase(it.charAt(0)) }
        if (type < 0) {
            return sourceRoots.any { new File(it, parts.join('/')).isDirectory() }
        }
        String path = parts.take(type + 1).join('/') + '.java'
        return sourceRoots.any { new File(it, path).isFile() }
    }
}
