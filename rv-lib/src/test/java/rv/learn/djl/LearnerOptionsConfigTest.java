package rv.learn.djl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import rv.learn.train.LearnerSpec;
import rv.pipeline.ConfigCodec;
import rv.task.RvPipelineConfig;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The new learner options travel from a pipeline's JSON to the learner spec, and round-trip. */
class LearnerOptionsConfigTest {

    private static ObjectNode json() throws Exception {
        try (InputStream in = LearnerOptionsConfigTest.class.getResourceAsStream("/rv/pipeline/tiny-spacenet-ss.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    private static RvPipelineConfig read(ObjectNode n) {
        return ConfigCodec.create().read(n.toString(), RvPipelineConfig.class);
    }

    @Test
    void rareClassesDesiredProbAndPretrainedUriReachTheSpec() throws Exception {
        ObjectNode n = json();
        ObjectNode backend = (ObjectNode) n.get("backend");
        backend.putArray("rare_classes").add("building");
        backend.put("desired_prob", 0.4);
        ((ObjectNode) backend.get("model")).put("pretrained_uri", "zip:///models/bundle.zip!/model");
        RvPipelineConfig c = read(n);
        LearnerSpec spec = DjlBackend.spec(c, null);
        assertThat(spec.rareClasses()).containsExactly(0);
        assertThat(spec.desiredProb()).isEqualTo(0.4);
        assertThat(spec.pretrainedUri()).isEqualTo("zip:///models/bundle.zip!/model");
        assertThat(spec.initWeights()).isNull();
        // Written back as they came, and Raster Vision's own JSON stays free of them.
        String again = ConfigCodec.create().write(c);
        assertThat(again).contains("\"rare_classes\"", "\"desired_prob\"", "\"pretrained_uri\"");
        assertThat(ConfigCodec.create().write(read(json()))).doesNotContain("rare_classes", "desired_prob", "pretrained_uri");

        // init_weights supersedes pretrained (and its URI).
        ((ObjectNode) backend.get("model")).put("init_weights", "/runs/a/train/model");
        LearnerSpec s2 = DjlBackend.spec(read(n), null);
        assertThat(s2.initWeights()).isEqualTo("/runs/a/train/model");
        assertThat(s2.pretrainedUri()).isNull();
    }

    @Test
    void badOptionsAreNamed() throws Exception {
        ObjectNode n = json();
        ObjectNode backend = (ObjectNode) n.get("backend");
        backend.putArray("rare_classes").add("lake");
        backend.put("desired_prob", 0.4);
        assertThatThrownBy(() -> DjlBackend.spec(read(n), null))
                .hasMessageContaining("rare_classes entry 'lake' is neither a class id nor one of the class names " + List.of("building", "background", "null"));
        backend.put("desired_prob", 1.5);
        assertThatThrownBy(() -> read(n)).hasMessageContaining("desired_prob");
    }
}
