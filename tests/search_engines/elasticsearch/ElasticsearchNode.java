import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.elasticsearch.analysis.common.CommonAnalysisPlugin;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.Netty4Plugin;

/**
 * A single-node engine for the search tests, started from the jars Maven Central serves: the
 * distributions cannot be downloaded here. Node's constructor that takes plugins found on the
 * classpath is protected, hence the subclass.
 *
 * Arguments: http port, transport port, home folder (data and logs go there).
 */
public class ElasticsearchNode extends Node {
    ElasticsearchNode(Settings settings) {
        super(
            InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), null, () -> "node-1"),
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class),
            true
        );
    }

    public static void main(String[] args) throws Exception {
        String httpPort = args[0];
        String transportPort = args[1];
        Path home = Path.of(args[2]);
        Settings settings = Settings.builder()
            .put("cluster.name", "portal-tests")
            .put("node.name", "node-1")
            .put("path.home", home.toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("indices.breaker.total.use_real_memory", false)
            .build();
        Node node = new ElasticsearchNode(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException error) {
                error.printStackTrace();
            }
            stopped.countDown();
        }));
        node.start();
        System.out.println("ElasticsearchNode listening on http://127.0.0.1:" + httpPort);
        stopped.await();
    }
}
