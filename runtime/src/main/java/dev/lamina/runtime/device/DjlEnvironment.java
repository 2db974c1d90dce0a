package dev.lamina.runtime.device;

/**
 * The system properties DJL and AWT read when they load, set the same way by every tool that runs
 * Lamina (the {@code lamina} command line, the Maven plugin): call before touching DJL.
 */
public final class DjlEnvironment {
    private DjlEnvironment() {
    }

    /**
     * Keeps DJL offline (it never downloads) unless the user says otherwise with {@code
     * -Dai.djl.offline=false}, the route docs/gpu.md gives for downloading a CUDA libtorch; turns
     * DJL's usage tracking off; makes AWT headless (the history charts and image decoding need no
     * display).
     */
    public static void configure() {
        String offline = System.getProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.offline", offline);
        System.setProperty("offline", offline);
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("java.awt.headless", "true");
    }
}
