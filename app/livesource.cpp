#include "livesource.h"

#include "app/live/httpclient.h"
#include "app/live/livecluster.h"
#include "app/live/nodewatcher.h"

#include <QJsonDocument>

#include <algorithm>
#include <utility>

namespace {

constexpr int kFrameMs = 16;
constexpr int kLogPage = 1000;
constexpr int kLogTimeoutMs = 2000;

} // namespace

LiveSource::LiveSource(live::LiveCluster *cluster, const live::MirrorTiming &timing, QObject *parent)
    : widgets::SimulationSource(parent)
    , m_cluster(cluster)
    , m_timing(timing)
    , m_mirror(std::make_unique<live::LiveMirror>(timing))
    , m_fetching(static_cast<std::size_t>(timing.servers) + 1, false)
{
    m_clock.start();
    for (int id = 1; id <= std::min(cluster->size(), m_mirror->timing().servers); ++id) {
        live::NodeWatcher *w = cluster->watcher(id);
        connect(w, &live::NodeWatcher::helloReceived, this,
                [this](int s, const QJsonObject &o) { feed(s, QStringLiteral("hello"), o); });
        connect(w, &live::NodeWatcher::statusReceived, this,
                [this](int s, const QJsonObject &o) { feed(s, QStringLiteral("status"), o); });
        connect(w, &live::NodeWatcher::eventReceived, this,
                [this](int s, const QJsonObject &o) { feed(s, QStringLiteral("event"), o); });
        connect(w, &live::NodeWatcher::messageReceived, this,
                [this](int s, const QJsonObject &o) { feed(s, QStringLiteral("message"), o); });
        connect(w, &live::NodeWatcher::connectionChanged, this, [this](int s, bool connected) {
            // A server run elsewhere that stops answering is shown crashed; the
            // processes launched here report their own exits.
            if (!connected && !m_cluster->ownsProcesses())
                feed(s, QStringLiteral("down"), {});
        });
    }
    connect(cluster, &live::LiveCluster::serverExited, this,
            [this](int id, int, bool) { processChanged(id, QStringLiteral("crashed")); });
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &LiveSource::frame);
    m_frameTimer.start(kFrameMs);
}

LiveSource::LiveSource(const live::MirrorTiming &timing, std::vector<QJsonObject> records, QObject *parent)
    : widgets::SimulationSource(parent)
    , m_timing(timing)
    , m_mirror(std::make_unique<live::LiveMirror>(timing))
    , m_fetching(static_cast<std::size_t>(timing.servers) + 1, false)
    , m_records(std::move(records))
{
    m_clock.start();
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &LiveSource::frame);
    m_frameTimer.start(kFrameMs);
}

LiveSource::~LiveSource() = default;

double LiveSource::wallNow() const
{
    return static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
}

void LiveSource::feed(int server, const QString &kind, const QJsonObject &data)
{
    if (isReplay())
        return;
    m_displayTime = std::max(m_displayTime, wallNow());
    m_mirror->apply(live::LiveMirror::record(m_displayTime, server, kind, data));
}

void LiveSource::processChanged(int server, const QString &state)
{
    feed(server, QStringLiteral("process"), QJsonObject{{QStringLiteral("state"), state}});
    emit advanced(displayTime());
}

void LiveSource::frame()
{
    if (isReplay()) {
        if (!m_playing)
            return;
        playRecordsTo(wallNow() - m_replayOffset);
        if (m_next >= m_records.size())
            setPlaying(false);
    } else {
        m_displayTime = std::max(m_displayTime, wallNow());
        m_mirror->setClock(m_displayTime);
        fetchLogs();
    }
    emit advanced(displayTime());
}

void LiveSource::fetchLogs()
{
    for (int id = 1; id <= m_mirror->timing().servers && id <= m_cluster->size(); ++id) {
        const raft::Index from = m_mirror->logWanted(id);
        if (from == 0 || m_fetching[static_cast<std::size_t>(id)])
            continue;
        m_fetching[static_cast<std::size_t>(id)] = true;
        const QString target = QStringLiteral("/log?from=%1&max=%2").arg(from).arg(kLogPage);
        m_cluster->http(id)->request(
            QStringLiteral("GET"), target, {}, kLogTimeoutMs, [this, id](const live::HttpResult &result) {
                m_fetching[static_cast<std::size_t>(id)] = false;
                if (result.outcome != live::HttpResult::Outcome::Answered || result.response.status != 200)
                    return;
                const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(result.response.body));
                if (doc.isObject())
                    feed(id, QStringLiteral("log"), doc.object());
            });
    }
}

// --- replay ------------------------------------------------------------------------

double LiveSource::replayEnd() const
{
    return m_records.empty() ? 0.0 : m_records.back().value(QLatin1String("at")).toDouble();
}

void LiveSource::playRecordsTo(double t)
{
    while (m_next < m_records.size() && m_records[m_next].value(QLatin1String("at")).toDouble() <= t)
        m_mirror->apply(m_records[m_next++]);
    m_displayTime = std::max(m_displayTime, std::min(t, std::max(replayEnd(), m_displayTime)));
    m_mirror->setClock(m_displayTime);
}

void LiveSource::setPlaying(bool playing)
{
    if (!isReplay() || playing == m_playing)
        return;
    if (playing && m_next >= m_records.size())
        restartReplay();
    m_playing = playing;
    // Go on from the time shown.
    m_replayOffset = wallNow() - m_displayTime;
    emit playingChanged(playing);
}

void LiveSource::restartReplay()
{
    if (!isReplay())
        return;
    m_mirror = std::make_unique<live::LiveMirror>(m_timing);
    m_next = 0;
    m_displayTime = 0;
    m_replayOffset = wallNow();
    emit structureChanged();
    emit advanced(displayTime());
}

void LiveSource::seekReplay(double t)
{
    if (!isReplay())
        return;
    const bool playing = m_playing;
    if (t < m_displayTime)
        restartReplay();
    playRecordsTo(t);
    m_replayOffset = wallNow() - m_displayTime;
    m_playing = playing;
    emit advanced(displayTime());
}
