package io.signaldesk.portfolio.risk;

import io.signaldesk.portfolio.PortfolioRisk;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link PortfolioRisk} from the stored runs ({@link RiskRuns#latestOf}). */
@Component
class StoredPortfolioRisk implements PortfolioRisk {

    private final RiskRuns runs;

    StoredPortfolioRisk(RiskRuns runs) {
        this.runs = runs;
    }

    @Override
    public Optional<Level> levelOf(long userId, Instant since) {
        List<RiskRuns.Latest> latest = runs.latestOf(userId, since);
        return latest.stream().map(run -> RiskLevel.valueOf(run.level())).max(Comparator.naturalOrder())
                .map(highest -> new Level(highest.name(), latest.stream().map(RiskRuns.Latest::analyzedAt).max(Comparator.naturalOrder()).orElseThrow(),
                        latest.stream().anyMatch(RiskRuns.Latest::stale)));
    }
}
