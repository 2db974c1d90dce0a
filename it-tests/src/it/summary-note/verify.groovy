// -Alamina.summary=true: the build prints the model's summary (Keras-like table with the layer
// names and the parameter totals) and has no Lamina warning or error.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.expectLog('Tiny')
['conv1', 'pool1', 'conv2', 'gap', 'logits', 'Total params:', 'Trainable params:', 'Non-trainable params:'].each {
    build.expectLog(it)
}
// Parameters: conv1 3*3*1*4+4 = 40, conv2 3*3*4*8+8 = 296, logits 8*10+10 = 90: 426 in all.
build.check((build.log =~ /Total params:\s*426\b/).find(), 'the summary says Total params: 426')
build.check(build.laminaDiagnostics().every { it.level == 'INFO' }, "no Lamina warning or error: ${build.laminaDiagnostics()}")
return true
