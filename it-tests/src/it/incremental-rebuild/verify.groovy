// The second build compiled only the edited ModelA and regenerated only ModelANet: ModelBNet.java
// kept its bytes and its timestamp, ModelANet.java has the new layer size, both Nets are compiled.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.expectLog('Compiling 2 source files')
build.expectLog('Compiling 1 source file ')
File before = new File(basedir, 'before-edit/com/example/model')
File aBefore = new File(before, 'ModelANet.java')
File bBefore = new File(before, 'ModelBNet.java')
File aAfter = build.generatedSource('com.example.model.ModelANet')
File bAfter = build.generatedSource('com.example.model.ModelBNet')
[aBefore, bBefore, aAfter, bAfter].each { build.expectFile(it) }

build.check(Arrays.equals(bBefore.bytes, bAfter.bytes), 'ModelBNet.java is unchanged')
build.check(bBefore.lastModified() == bAfter.lastModified(),
        "ModelBNet.java was not rewritten (timestamp ${bBefore.lastModified()} -> ${bAfter.lastModified()})")
build.check(!Arrays.equals(aBefore.bytes, aAfter.bytes), 'ModelANet.java was regenerated from the edited ModelA')
build.check(aAfter.getText('UTF-8').contains('32'), 'ModelANet.java has the new layer size 32')
build.check(build.compiledClass('com.example.model.ModelANet').lastModified()
        >= new File(basedir, 'src/main/java/com/example/model/ModelA.java').lastModified(),
        'ModelANet.class was compiled after the edit')
build.expectFile(build.compiledClass('com.example.model.ModelBNet'))
return true
