// javac's findings are in build.log (the Maven build). Here ecj, the Eclipse compiler, compiles the
// same sources with the same classpath and the processor on its processor path, twice: without and
// with the project's Eclipse settings (.settings/org.eclipse.jdt.core.prefs, which Eclipse and VS
// Code read). Every Lamina warning and error must come out of ecj on the line where javac put it,
// with the same rule id and level; ecj's own "Unsupported @SuppressWarnings" warning about the
// lamina: token appears without the settings and is gone with them.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

File models = new File(basedir, 'src/main/java/com/example/model')
def at = { String file, String annotation -> build.positionOf(new File(models, file), annotation).line }
def expected = [
        [level: 'WARNING', file: 'Warned.java', line: at('Warned.java', '@Dropout(rate = 0.5)'), id: 'InputDropoutHigh'],
        [level: 'WARNING', file: 'Warned.java', line: at('Warned.java', '@Dropout(rate = 0.25)'), id: 'DropoutBetweenConvs'],
        [level: 'WARNING', file: 'Warned.java', line: at('Warned.java', '@Softmax'), id: 'DoubleSoftmax'],
        [level: 'ERROR', file: 'Impossible.java', line: at('Impossible.java', '@Dense'), id: 'DenseOnFeatureMap'],
        // a body (no input): its lint once on its own line, the use site it rejects on both places
        [level: 'WARNING', file: 'Body.java', line: at('Body.java', '@Dropout(rate = 0.2)'), id: 'DropoutBetweenConvs'],
        [level: 'ERROR', file: 'Vectors.java', line: at('Vectors.java', 'Body body;'), id: 'SubModelRejectsInput'],
        [level: 'ERROR', file: 'Body.java', line: at('Body.java', 'Layer first;'), id: 'SubModelRejectsInput'],
] as Set

def javac = build.laminaDiagnostics().collect { d ->
    [level: d.level, file: d.file.name, line: d.line, id: (d.message =~ /^\[lamina:(\w+)\]/)[0][1]]
} as Set
build.check(javac == expected, "javac: ${javac}, expected ${expected}")

/** Runs ecj (its batch Main, in a new JVM) and returns its output. */
def ecj = { String name, List<String> extra ->
    File out = new File(basedir, "target/${name}")
    String classpath = new File(basedir, 'target/compile-classpath.txt').getText('UTF-8').trim()
    List<String> command = [new File(System.getProperty('java.home'), 'bin/java').path,
            '-cp', ecjClasspath, 'org.eclipse.jdt.internal.compiler.batch.Main',
            '--release', '17', '-encoding', 'UTF-8',
            '-d', new File(out, 'classes').path, '-s', new File(out, 'generated').path,
            '-classpath', classpath, '-processorpath', processorPath] + extra + [new File(basedir, 'src/main/java').path]
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start()
    String text = process.inputStream.getText('UTF-8')
    process.waitFor()
    new File(basedir, "${name}.log").setText(text, 'UTF-8')
    text
}
/** ecj prints "N. WARNING in /path/File.java (at line L)", the source line, a marker line, the message. */
def findings = { String text ->
    (text =~ /(?m)^\d+\. (WARNING|ERROR|INFO) in (\S+\.java) \(at line (\d+)\)\n(?:\t.*\n)*([^\t\n].*)$/)
            .collect { all, level, file, line, message -> [level: level, file: new File(file).name, line: line as int, message: message] }
}
def lamina = { String text ->
    findings(text).findAll { it.message.startsWith('[lamina:') }.collect { f ->
        [level: f.level, file: f.file, line: f.line, id: (f.message =~ /^\[lamina:(\w+)\]/)[0][1]]
    } as Set
}
def unsupported = { String text -> findings(text).findAll { it.message.startsWith('Unsupported @SuppressWarnings("lamina:') } }

String plain = ecj('ecj', [])
build.check(lamina(plain) == javac, "ecj reports ${lamina(plain)}, javac ${javac} (ecj output in ecj.log)")
int suppressLine = at('Suppressed.java', '@SuppressWarnings')
build.check(unsupported(plain).collect { [it.file, it.line] } == [['Suppressed.java', suppressLine]],
        "ecj warns about the lamina: token on Suppressed.java line ${suppressLine}: ${unsupported(plain)}")
build.expectFile(new File(basedir, 'target/ecj/classes/com/example/model/WarnedNet.class'))
build.expectFile(new File(basedir, 'target/ecj/classes/com/example/model/GrayNet.class'))
build.expectNoFile(new File(basedir, 'target/ecj/generated/com/example/model/BodyNet.java'))
build.expectNoFile(new File(basedir, 'target/ecj/generated/com/example/model/ImpossibleNet.java'))

String settings = ecj('ecj-settings', ['-properties', new File(basedir, '.settings/org.eclipse.jdt.core.prefs').path])
build.check(lamina(settings) == javac, "ecj with the settings reports ${lamina(settings)}, javac ${javac}")
build.check(unsupported(settings).isEmpty(),
        "unhandledWarningToken=ignore in .settings/org.eclipse.jdt.core.prefs silences it: ${unsupported(settings)}")

println "ecj-compiler: javac and ecj report the same ${javac.size()} Lamina findings on the same lines"
return true
