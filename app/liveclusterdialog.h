#pragma once

#include "app/live/livecluster.h"
#include "app/live/livemirror.h"

#include <QDialog>
#include <QList>
#include <QString>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QCheckBox;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;

/// LiveClusterRequest is what the Live Cluster dialog asks for.
struct LiveClusterRequest {
    enum class Mode : std::uint8_t { Launch, Attach, Replay };
    Mode mode = Mode::Launch;
    /// launch: how to start the servers (Launch).
    live::LaunchOptions launch;
    /// servers: where the running servers are (Attach).
    QList<live::LiveServer> servers;
    /// recording: the file to replay (Replay).
    QString recording;
    /// timing: the servers' election timeout and heartbeat (how the window draws them).
    live::MirrorTiming timing;
};

/// LiveClusterDialog (Cluster › Live Cluster…) asks how to get a real cluster: launch N
/// server processes on this machine (free loopback ports, data in a temporary folder or
/// a chosen one, classroom or real pace, fsync on or off), attach to servers already
/// running (one "HOST HTTP-PORT WATCH-PORT" line per server), or replay a recording
/// saved from a live cluster.
class LiveClusterDialog : public QDialog {
    Q_OBJECT
public:
    explicit LiveClusterDialog(QWidget *parent = nullptr);

    /// request is what the user chose (valid after accept()).
    LiveClusterRequest request() const;
    /// parseServers reads the attach list; false with the line and problem.
    static bool parseServers(const QString &text, QList<live::LiveServer> *servers, QString *error);
    /// pace returns the timing of a pace: 0 classroom, 1 real.
    static live::MirrorTiming pace(int index, int servers);

    void accept() override;

private:
    void browseData();
    void browseRecording();
    void updateMode();

    QButtonGroup *m_modes;
    QStackedWidget *m_pages;
    QSpinBox *m_servers;
    QComboBox *m_pace;
    QLineEdit *m_dataDir;
    QCheckBox *m_fsync;
    QPlainTextEdit *m_attach;
    QLineEdit *m_recording;
    QLabel *m_error;
};
