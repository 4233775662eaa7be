package io.signaldesk.status.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /ops}: the operator dashboard ({@link OpsPage}), in English or, with {@code ?lang=vi} or a Vietnamese browser,
 * Vietnamese. Reaching it takes the operator's password ({@link OpsSecurity}); without one configured it is 404.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpsDashboardController {

    private final OpsPassword password;
    private final OpsPage page;

    OpsDashboardController(OpsPassword password, OpsPage page) {
        this.password = password;
        this.page = page;
    }

    @GetMapping({"/ops", "/ops/"})
    @ResponseBody
    ResponseEntity<String> dashboard(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) {
        if (!password.on()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("404: not found");
        }
        Locale locale = lang != null ? ("vi".equalsIgnoreCase(lang) ? Locale.forLanguageTag("vi") : Locale.ENGLISH)
                : "vi".equals(request.getLocale().getLanguage()) ? Locale.forLanguageTag("vi") : Locale.ENGLISH;
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(page.html(locale));
    }
}
