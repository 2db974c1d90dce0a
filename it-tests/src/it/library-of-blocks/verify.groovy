// A library of building blocks gets, compiled alone, what it gets compiled with its user: the roles
// are declared (@Model(role)), never inferred from the other models of the compilation.
import java.util.jar.JarFile

def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.expectNoLaminaDiagnostics()
build.check(build.log.count('BUILD SUCCESS') == 1, 'the reactor build succeeded under -Alamina.lint=error -Werror')
String generated = 'target/generated-sources/annotations/com/example/'
['MlpBlockNet', 'WideBlockNet'].each { net ->
    File alone = new File(basedir, "blocks/${generated}blocks/${net}.java")
    File together = new File(basedir, "together/${generated}blocks/${net}.java")
    build.expectFile(alone)
    build.expectFile(together)
    build.check(alone.bytes == together.bytes, "${net}.java is the same generated alone and with its user")
}
build.expectFile(new File(basedir, "app/${generated}app/ClassifierNet.java"))
build.expectNoFile(new File(basedir, "app/${generated}blocks/MlpBlockNet.java"))
File jar = new File(basedir, 'blocks/target/library-of-blocks-blocks-1.0.jar')
build.expectFile(jar)
build.check(new JarFile(jar).withCloseable { it.getEntry('com/example/blocks/WideBlockNet.class') != null },
        'the library jar contains WideBlockNet.class')
return true
