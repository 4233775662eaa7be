package io.signaldesk.status.dashboard;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.ConnectionLeaders;
import io.signaldesk.ops.AliveInstances;
import io.signaldesk.ops.RunningInstance;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The instances that beat in the last day (alive or dead after 60 s without a beat; host and pid, for operators only)
 * and which of them leads each chat connection.
 */
@Component
class InstancesPanel implements Panel {

    private final AliveInstances instances;
    private final ConnectionLeaders leaders;
    private final RunningInstance self;
    private final ChatTexts texts;

    InstancesPanel(AliveInstances instances, ConnectionLeaders leaders, RunningInstance self, ChatTexts texts) {
        this.instances = instances;
        this.leaders = leaders;
        this.self = self;
        this.texts = texts;
    }

    @Override
    public String html(Locale locale, Instant now) {
        List<AliveInstances.Instance> all = instances.all();
        String name = texts.get(locale, "ops.instances.name");
        String host = texts.get(locale, "ops.instances.host");
        String started = texts.get(locale, "ops.instances.started");
        String beat = texts.get(locale, "ops.instances.beat");
        StringBuilder html = new StringBuilder("<table><thead><tr><th>").append(Panel.esc(name)).append("</th><th>").append(Panel.esc(host))
                .append("</th><th>").append(Panel.esc(started)).append("</th><th>").append(Panel.esc(beat)).append("</th></tr></thead><tbody>");
        for (AliveInstances.Instance instance : all) {
            String state = texts.get(locale, instance.alive() ? "ops.instances.alive" : "ops.instances.dead");
            String here = instance.id().equals(self.id()) ? " <small>(" + Panel.esc(texts.get(locale, "ops.instances.this")) + ")</small>" : "";
            html.append("<tr class=\"").append(instance.alive() ? "alive" : "dead failed").append("\">")
                    .append(Panel.cell(name, "<code>" + Panel.esc(instance.name()) + "</code>" + here))
                    .append(Panel.cell(host, Panel.esc(instance.host()) + " · pid " + instance.pid()))
                    .append(Panel.cell(started, Panel.at(instance.startedAt())))
                    .append(Panel.cell(beat, Panel.esc(state) + " · " + Panel.duration(instance.sinceLastBeat()))).append("</tr>");
        }
        html.append("</tbody></table>");
        long alive = all.stream().filter(AliveInstances.Instance::alive).count();
        html.append("<h3>").append(Panel.esc(texts.get(locale, "ops.leaders.title"))).append("</h3>");
        List<ConnectionLeaders.Leader> led = leaders.all();
        if (led.isEmpty()) {
            html.append("<p>").append(Panel.esc(texts.get(locale, "ops.leaders.none"))).append("</p>");
        } else {
            html.append("<ul class=\"leaders\">");
            led.forEach(leader -> html.append("<li><b>").append(Panel.esc(leader.platform())).append("</b>: ")
                    .append(holder(locale, leader.holder(), all)).append("</li>"));
            html.append("</ul>");
        }
        return Panel.section("instances", texts.get(locale, "ops.instances.title", alive, all.size()), html.toString());
    }

    private String holder(Locale locale, Optional<UUID> holder, List<AliveInstances.Instance> all) {
        if (holder.isEmpty()) {
            return Panel.esc(texts.get(locale, "ops.leaders.nobody"));
        }
        return all.stream().filter(instance -> instance.id().equals(holder.get())).findFirst()
                .map(instance -> "<code>" + Panel.esc(instance.name()) + "</code>")
                .orElseGet(() -> Panel.esc(texts.get(locale, "ops.leaders.unknown", holder.get().toString())));
    }
}
