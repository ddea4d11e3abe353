package rv.notebooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * binder/: the files repo2docker reads. postBuild's steps run here into a temporary prefix (reusing
 * the jar this build packaged), and the kernelspec it installs starts and answers {@code %rv}.
 */
class BinderIT {
    @TempDir Path prefix;

    @Test
    void postBuildInstallsAWorkingKernelspec() throws Exception {
        Path root = Jupyter.repoRoot();
        Jupyter.kernelJar();
        Jupyter.Result r = Jupyter.run(List.of("bash", root.resolve("binder/postBuild").toString()),
                Map.of("RV_SKIP_BUILD", "1", "RV_KERNEL_PREFIX", prefix.toString()), root, 240);
        assertThat(r.exit()).as(r.output()).isZero();
        Path spec = prefix.resolve("share/jupyter/kernels/java-rv/kernel.json");
        assertThat(spec).isRegularFile();
        String json = Files.readString(spec);
        assertThat(json).contains("rv-kernel.jar").contains("java");

        Map<String, String> env = Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString(), "PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Jupyter.Result list = Jupyter.run(List.of(Jupyter.PYTHON, "-m", "jupyter_client.kernelspecapp", "list"), env, root, 60);
        assertThat(list.output()).contains("java-rv");
        String smoke = """
                from jupyter_client.manager import start_new_kernel
                km, kc = start_new_kernel(kernel_name='java-rv', startup_timeout=120)
                out = []
                def keep(msg):
                    c = msg['content']
                    if 'data' in c: out.append(c['data'].get('text/plain', ''))
                    if 'text' in c: out.append(c['text'])
                reply = kc.execute_interactive('%rv help', timeout=120, output_hook=keep)
                print('STATUS', reply['content']['status'])
                print('OUT', ' '.join(out))
                kc.stop_channels(); km.shutdown_kernel(now=True)
                """;
        Jupyter.Result s = Jupyter.run(List.of(Jupyter.PYTHON, "-c", smoke), env, root, 240);
        assertThat(s.output()).contains("STATUS ok").contains("demo-data").contains("%%rv config");
    }

    @Test
    void aptAndPipFilesNameInstallablePinnedPackages() throws Exception {
        Path binder = Jupyter.repoRoot().resolve("binder");
        List<String> apt = Files.readAllLines(binder.resolve("apt.txt")).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(apt).contains("openjdk-17-jdk-headless", "maven");
        for (String pkg : apt) {
            Jupyter.Result r = Jupyter.run(List.of("apt-cache", "show", pkg), Map.of(), binder, 60);
            assertThat(r.exit()).as("apt-cache show %s: %s", pkg, r.output()).isZero();
        }
        List<String> pins = Files.readAllLines(binder.resolve("requirements.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(pins).isNotEmpty().allMatch(l -> l.matches("[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*"), "pinned with ==");
        assertThat(pins).anyMatch(l -> l.startsWith("jupyterlab==") || l.startsWith("notebook=="));
        assertThat(binder.resolve("postBuild")).isExecutable();
    }
}
