package io.signaldesk.secrets.rotation;

import io.signaldesk.secrets.SealedStore;
import io.signaldesk.secrets.SecretBox;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, with a key configured, has every {@link SealedStore} reseal what is not yet sealed under the current key, so
 * that after a rotation the previous keys can be dropped once this has run. One log line per store with the count (never
 * a value); a store that fails is logged and the start goes on (its values still open with the previous keys).
 */
@Component
class ResealOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ResealOnStart.class);

    private final SecretBox box;
    private final List<SealedStore> stores;

    ResealOnStart(SecretBox box, List<SealedStore> stores) {
        this.box = box;
        this.stores = stores;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        resealAll();
    }

    /** Reseals every store; returns how many values were resealed in all. */
    int resealAll() {
        if (!box.available()) {
            return 0;
        }
        int total = 0;
        for (SealedStore store : stores) {
            try {
                int count = store.resealAll(box);
                total += count;
                log.info("Secrets: {} value(s) in {} resealed under key {}", count, store.name(), box.currentKeyId());
            } catch (RuntimeException e) {
                log.error("Secrets: resealing {} failed ({}); its values stay under their old keys until the next start",
                        store.name(), e.getClass().getSimpleName());
            }
        }
        return total;
    }
}
