#pragma once

#include "httpclient.h"

#include <QJsonObject>

#include <functional>

namespace live {

class LiveCluster;

/// waitUntil runs the event loop until `done` is true or `timeoutMs` passes; it
/// returns whether `done` became true. For drivers that script a cluster step by
/// step (the command-line benchmark, tests), never for the window.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

/// fetch sends one request and waits (bounded by timeoutMs) for its result.
HttpResult fetch(HttpClient &client, const QString &method, const QString &target, const QByteArray &body,
                 int timeoutMs);

/// fetchJson is fetch() of a JSON answer; an empty object when there is none.
QJsonObject fetchJson(HttpClient &client, const QString &target, int timeoutMs);

/// findLeader asks every running server for /status until one says it leads and a
/// majority of the cluster names it as leader (a deposed leader may still say it
/// leads); 0 if none within timeoutMs.
int findLeader(LiveCluster &cluster, int timeoutMs);

} // namespace live
