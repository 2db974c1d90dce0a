// The Net is generated in the model module (and packaged in its jar); the training module
// compiles against it and its test runs the block with the declared shapes.
import java.util.jar.JarFile

def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.expectFile(new File(basedir, 'model/target/generated-sources/annotations/com/example/model/ClassifierNet.java'))
build.expectNoFile(new File(basedir, 'training/target/generated-sources/annotations/com/example/model/ClassifierNet.java'))
File jar = new File(basedir, 'model/target/multi-module-model-1.0.jar')
build.expectFile(jar)
build.check(new JarFile(jar).withCloseable { it.getEntry('com/example/model/ClassifierNet.class') != null },
        'the model jar contains ClassifierNet.class')
build.expectLog('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
build.check(build.log.count('BUILD SUCCESS') == 1, 'the reactor build succeeded')
return true
