// -Alamina.summary=true: the build prints the model's summary (Keras-like table with the layer
// names, the parameter totals and the costs) and has no Lamina warning or error.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.expectLog('Tiny')
['conv1', 'pool1', 'conv2', 'gap', 'logits', 'Total params:', 'Trainable params:', 'Non-trainable params:'].each {
    build.expectLog(it)
}
// Parameters: conv1 3*3*1*4+4 = 40, conv2 3*3*4*8+8 = 296, logits 8*10+10 = 90: 426 in all.
build.check((build.log =~ /Total params:\s*426\b/).find(), 'the summary says Total params: 426')
// MACs: conv1 4*8*8 outputs of 3*3*1 = 2,304, conv2 8*4*4 outputs of 3*3*4 = 4,608, logits 8*10 = 80: 6,992.
build.check(build.log.contains('MACs per example: 6.99K'), 'the summary says MACs per example: 6.99K')
// -Alamina.summary.batch=8 reaches the processor through Maven's compilerArgs
build.check(build.log.contains('activations for a batch of 8'), 'the summary is for a batch of 8')
build.check(build.log.contains('Forward pass size (batch 8):'), 'the summary has the forward pass size for batch 8')
build.check(build.laminaDiagnostics().every { it.level == 'INFO' }, "no Lamina warning or error: ${build.laminaDiagnostics()}")
return true
