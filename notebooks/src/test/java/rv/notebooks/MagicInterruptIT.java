package rv.notebooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long {@code %rv} magic runs on a cell thread of rv's kernel, so Jupyter's interrupt stops it
 * (a magic run on the kernel's own shell thread could not be stopped) and the kernel carries on.
 */
class MagicInterruptIT {
    @TempDir Path prefix;

    @Test
    void interruptStopsALongMagicAndTheKernelCarriesOn() throws Exception {
        Jupyter j = Jupyter.install(prefix);
        String script = """
                import time
                from jupyter_client.manager import start_new_kernel
                km, kc = start_new_kernel(kernel_name='%s', startup_timeout=120)
                kc.execute_interactive('1 + 1', timeout=60)
                msg_id = kc.execute('%%rv demo-data %s --size 6000 --scenes 3')
                time.sleep(4)
                t0 = time.time()
                km.interrupt_kernel()
                while True:
                    r = kc.get_shell_msg(timeout=60)
                    if r['parent_header'].get('msg_id') == msg_id:
                        break
                print('INTERRUPTED', r['content']['status'], r['content'].get('ename'), round(time.time() - t0, 1))
                out = []
                reply = kc.execute_interactive('"after " + (6 * 7)', timeout=60,
                    output_hook=lambda m: out.append(m['content'].get('data', {}).get('text/plain', '')))
                print('NEXT', reply['content']['status'], ''.join(out))
                kc.stop_channels(); km.shutdown_kernel(now=True)
                """.formatted(Jupyter.KERNEL, prefix.resolve("big").toString().replace("'", ""));
        Jupyter.Result r = Jupyter.run(List.of(Jupyter.PYTHON, "-c", script), j.env(), prefix, 240);
        System.out.println(r.output());
        assertThat(r.output()).as(r.output()).contains("INTERRUPTED error").contains("NEXT ok after 42");
        double secs = Double.parseDouble(r.output().replaceAll("(?s).*INTERRUPTED error \\S+ ([0-9.]+).*", "$1"));
        assertThat(secs).as("seconds from interrupt to the reply").isLessThan(10);
    }
}
