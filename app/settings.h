#pragma once

#include "raft/simulation.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <memory>

/// Settings keeps what the window remembers between runs (QSettings): the window's
/// geometry and dock layout, the speed, the last cluster configuration, the language,
/// the legend, the text size and the automatic client requests. Values read back are checked: a
/// damaged or foreign file yields the defaults, never an unusable cluster.
class Settings {
public:
    /// Settings uses the user's settings (organisation and application "raftviz").
    Settings();
    /// Settings uses an INI file at `fileName` (tests, portable setups).
    explicit Settings(const QString &fileName);

    QByteArray geometry() const;
    void setGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    /// speed is the playback speed (× real time), clamped to the controller's range.
    double speed() const;
    void setSpeed(double speed);

    /// clusterConfig is the last cluster built with New cluster… (defaults if none).
    raft::ClusterConfig clusterConfig() const;
    void setClusterConfig(const raft::ClusterConfig &config);

    /// language is "en" or "zh_CN"; by default the system's, if it is Chinese.
    QString language() const;
    void setLanguage(const QString &language);

    /// textSize is the text size of every pane, in percent of the normal size
    /// (kMinTextSize..kMaxTextSize; anything else read back is clamped).
    int textSize() const;
    void setTextSize(int percent);
    static constexpr int kMinTextSize = 100;
    static constexpr int kMaxTextSize = 250;

    bool legendVisible() const;
    void setLegendVisible(bool visible);
    bool autoRequests() const;
    void setAutoRequests(bool on);

    /// sync writes pending changes to storage.
    void sync();
    /// fileName is where the settings live.
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_store;
};
