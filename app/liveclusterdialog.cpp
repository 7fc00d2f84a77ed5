#include "liveclusterdialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

LiveClusterDialog::LiveClusterDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("liveClusterDialog"));
    setWindowTitle(tr("Live Cluster"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Run the same Raft servers as real processes that talk over TCP, keep their "
                                "state on disk and answer HTTP. The window watches them: crash is kill -9, "
                                "pause is SIGSTOP, a cut link is a server dropping its traffic."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_modes = new QButtonGroup(this);
    auto *modeRow = new QHBoxLayout;
    const QStringList modeNames = {tr("&Launch servers here"), tr("&Attach to running servers"),
                                   tr("&Replay a recording")};
    for (int i = 0; i < modeNames.size(); ++i) {
        auto *radio = new QRadioButton(modeNames[i], this);
        radio->setObjectName(QStringLiteral("liveMode%1").arg(i));
        m_modes->addButton(radio, i);
        modeRow->addWidget(radio);
    }
    m_modes->button(0)->setChecked(true);
    layout->addLayout(modeRow);

    m_pages = new QStackedWidget(this);
    // Launch.
    auto *launch = new QWidget(m_pages);
    auto *launchForm = new QFormLayout(launch);
    m_servers = new QSpinBox(launch);
    m_servers->setObjectName(QStringLiteral("liveServers"));
    m_servers->setRange(1, raft::kMaxNodes);
    m_servers->setValue(3);
    launchForm->addRow(tr("&Servers:"), m_servers);
    auto *dataRow = new QHBoxLayout;
    m_dataDir = new QLineEdit(launch);
    m_dataDir->setObjectName(QStringLiteral("liveDataDir"));
    m_dataDir->setPlaceholderText(tr("a temporary folder, removed when the window closes"));
    auto *browse = new QPushButton(tr("&Browse…"), launch);
    connect(browse, &QPushButton::clicked, this, &LiveClusterDialog::browseData);
    dataRow->addWidget(m_dataDir);
    dataRow->addWidget(browse);
    launchForm->addRow(tr("&Data folder:"), dataRow);
    m_fsync = new QCheckBox(tr("&fsync every write (slower; survives a power cut)"), launch);
    m_fsync->setChecked(true);
    launchForm->addRow(QString(), m_fsync);
    m_pages->addWidget(launch);
    // Attach.
    auto *attach = new QWidget(m_pages);
    auto *attachLayout = new QVBoxLayout(attach);
    attachLayout->addWidget(new QLabel(tr("One server per line, S1 first: HOST HTTP-PORT WATCH-PORT"), attach));
    m_attach = new QPlainTextEdit(attach);
    m_attach->setObjectName(QStringLiteral("liveAttachList"));
    m_attach->setPlaceholderText(QStringLiteral("127.0.0.1 7201 7301\n127.0.0.1 7202 7302\n127.0.0.1 7203 7303"));
    attachLayout->addWidget(m_attach);
    m_pages->addWidget(attach);
    // Replay.
    auto *replay = new QWidget(m_pages);
    auto *replayRow = new QHBoxLayout(replay);
    m_recording = new QLineEdit(replay);
    m_recording->setObjectName(QStringLiteral("liveRecording"));
    auto *browseFile = new QPushButton(tr("B&rowse…"), replay);
    connect(browseFile, &QPushButton::clicked, this, &LiveClusterDialog::browseRecording);
    replayRow->addWidget(new QLabel(tr("Recording:"), replay));
    replayRow->addWidget(m_recording);
    replayRow->addWidget(browseFile);
    m_pages->addWidget(replay);
    layout->addWidget(m_pages);

    auto *paceForm = new QFormLayout;
    m_pace = new QComboBox(this);
    m_pace->setObjectName(QStringLiteral("livePace"));
    m_pace->addItem(tr("Classroom pace: heartbeat 300 ms, election timeout 1–2 s"));
    m_pace->addItem(tr("Real pace: heartbeat 50 ms, election timeout 150–300 ms"));
    paceForm->addRow(tr("&Pace:"), m_pace);
    layout->addLayout(paceForm);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("liveDialogError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LiveClusterDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LiveClusterDialog::reject);
    layout->addWidget(buttons);
    connect(m_modes, &QButtonGroup::idClicked, this, &LiveClusterDialog::updateMode);
    updateMode();
}

void LiveClusterDialog::updateMode()
{
    m_pages->setCurrentIndex(m_modes->checkedId());
    m_pace->setEnabled(m_modes->checkedId() != 2);
    m_error->hide();
}

void LiveClusterDialog::browseData()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder for the servers"), m_dataDir->text());
    if (!dir.isEmpty())
        m_dataDir->setText(dir);
}

void LiveClusterDialog::browseRecording()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Replay a live recording"), m_recording->text(),
                                                      tr("Live recordings (*.rvlive);;All files (*)"));
    if (!file.isEmpty())
        m_recording->setText(file);
}

live::MirrorTiming LiveClusterDialog::pace(int index, int servers)
{
    live::MirrorTiming t;
    t.servers = servers;
    if (index == 1) {
        t.heartbeatMs = 50;
        t.electionTimeoutMin = 150;
        t.electionTimeoutMax = 300;
    } else {
        t.heartbeatMs = 300;
        t.electionTimeoutMin = 1000;
        t.electionTimeoutMax = 2000;
    }
    return t;
}

bool LiveClusterDialog::parseServers(const QString &text, QList<live::LiveServer> *servers, QString *error)
{
    servers->clear();
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QStringList words = lines[i].simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        bool httpOk = false;
        bool watchOk = false;
        live::LiveServer s;
        s.id = static_cast<int>(servers->size()) + 1;
        s.host = words.value(0);
        s.httpPort = words.value(1).toUShort(&httpOk);
        s.watchPort = words.value(2).toUShort(&watchOk);
        if (words.size() != 3 || !httpOk || !watchOk || s.httpPort == 0 || s.watchPort == 0) {
            *error = tr("line %1: write HOST HTTP-PORT WATCH-PORT, e.g. 127.0.0.1 7201 7301").arg(i + 1);
            return false;
        }
        servers->append(s);
    }
    if (servers->isEmpty() || servers->size() > raft::kMaxNodes) {
        *error = tr("name between 1 and %1 servers, one per line").arg(raft::kMaxNodes);
        return false;
    }
    return true;
}

LiveClusterRequest LiveClusterDialog::request() const
{
    LiveClusterRequest r;
    r.mode = static_cast<LiveClusterRequest::Mode>(m_modes->checkedId());
    r.launch.servers = m_servers->value();
    r.launch.dataRoot = m_dataDir->text().trimmed();
    r.launch.fsync = m_fsync->isChecked();
    QString error;
    if (r.mode == LiveClusterRequest::Mode::Attach)
        parseServers(m_attach->toPlainText(), &r.servers, &error);
    const int servers = r.mode == LiveClusterRequest::Mode::Attach ? static_cast<int>(r.servers.size())
                                                                   : m_servers->value();
    r.timing = pace(m_pace->currentIndex(), std::max(1, servers));
    r.launch.heartbeatMs = static_cast<int>(r.timing.heartbeatMs);
    r.launch.electionTimeoutMin = static_cast<int>(r.timing.electionTimeoutMin);
    r.launch.electionTimeoutMax = static_cast<int>(r.timing.electionTimeoutMax);
    r.recording = m_recording->text().trimmed();
    return r;
}

void LiveClusterDialog::accept()
{
    QString error;
    QList<live::LiveServer> servers;
    if (m_modes->checkedId() == 1 && !parseServers(m_attach->toPlainText(), &servers, &error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    if (m_modes->checkedId() == 2 && !QFileInfo(m_recording->text().trimmed()).isFile()) {
        m_error->setText(tr("Choose a recording file (*.rvlive) to replay"));
        m_error->show();
        return;
    }
    QDialog::accept();
}
