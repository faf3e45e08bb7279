package org.tapscore.server.admin;

import io.helidon.webserver.http.HttpRouting;

/** The admin side's paths: {@code /admin/...} views and the {@code /api/v1} calls that belong to them. */
public final class AdminRoutes {
    private AdminRoutes() {
    }

    public static void register(HttpRouting.Builder routing, AdminComponents a) {
        routing.register("/admin", a.adminViews(), a.dashboardViews(), a.responseViews(), a.liveViews(), a.alertViews(),
                        a.targetViews(), a.compareViews(), a.contactViews())
                .register("/api/v1/users", a.userApi())
                .register("/api/v1/responses", a.exportApi())
                .register("/api/v1/campaigns", a.alertRuleApi(), a.targetApi())
                .register("/api/v1/compare", a.compareApi());
    }
}
