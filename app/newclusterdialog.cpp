#include "newclusterdialog.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QSpinBox *msSpin(QWidget *parent, int min, int max, const QString &name)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setSuffix(NewClusterDialog::tr(" ms"));
    spin->setAccelerated(true);
    return spin;
}

QWidget *pair(QWidget *parent, QWidget *a, QWidget *b)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(a, 1);
    layout->addWidget(new QLabel(NewClusterDialog::tr("to"), box));
    layout->addWidget(b, 1);
    return box;
}

} // namespace

NewClusterDialog::NewClusterDialog(const raft::ClusterConfig &initial, QWidget *parent)
    : QDialog(parent)
    , m_nodes(new QSpinBox(this))
    , m_seed(new QLineEdit(this))
    , m_electionMin(msSpin(this, 1, 60000, QStringLiteral("electionMinSpin")))
    , m_electionMax(msSpin(this, 1, 60000, QStringLiteral("electionMaxSpin")))
    , m_heartbeat(msSpin(this, 1, 60000, QStringLiteral("heartbeatSpin")))
    , m_latencyMin(msSpin(this, 1, 60000, QStringLiteral("latencyMinSpin")))
    , m_latencyMax(msSpin(this, 1, 60000, QStringLiteral("latencyMaxSpin")))
    , m_loss(new QDoubleSpinBox(this))
    , m_duplicate(new QDoubleSpinBox(this))
    , m_noop(new QCheckBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newClusterDialog"));
    setWindowTitle(tr("New Cluster"));
    m_nodes->setObjectName(QStringLiteral("nodesSpin"));
    m_nodes->setRange(1, raft::kMaxNodes);
    m_seed->setObjectName(QStringLiteral("seedEdit"));
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), m_seed));
    for (QDoubleSpinBox *spin : {m_loss, m_duplicate}) {
        spin->setRange(0.0, 100.0);
        spin->setDecimals(1);
        spin->setSingleStep(1.0);
        spin->setSuffix(tr(" %"));
    }
    m_loss->setObjectName(QStringLiteral("lossSpin"));
    m_duplicate->setObjectName(QStringLiteral("duplicateSpin"));
    m_noop->setObjectName(QStringLiteral("noopCheck"));
    m_noop->setText(tr("A new leader appends a no-op entry (§8)"));
    m_problem->setStyleSheet(QStringLiteral("color: #b0301c;"));
    m_problem->setWordWrap(true);

    auto *dice = new QToolButton(this);
    dice->setText(tr("Random"));
    dice->setToolTip(tr("Pick a new random seed"));
    auto *seedRow = new QWidget(this);
    auto *seedLayout = new QHBoxLayout(seedRow);
    seedLayout->setContentsMargins(0, 0, 0, 0);
    seedLayout->addWidget(m_seed, 1);
    seedLayout->addWidget(dice);

    auto *form = new QFormLayout;
    form->addRow(tr("&Servers:"), m_nodes);
    form->addRow(tr("S&eed:"), seedRow);
    form->addRow(tr("&Election timeout:"), pair(this, m_electionMin, m_electionMax));
    form->addRow(tr("&Heartbeat interval:"), m_heartbeat);
    form->addRow(tr("Network &latency:"), pair(this, m_latencyMin, m_latencyMax));
    form->addRow(tr("Message l&oss:"), m_loss);
    form->addRow(tr("Message &duplication:"), m_duplicate);
    form->addRow(QString(), m_noop);

    auto *intro = new QLabel(tr("The same seed and the same actions always give the same run. Raft needs "
                                "broadcastTime ≪ electionTimeout (§5.6): keep the heartbeat and the latency "
                                "well below the election timeout."),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(dice, &QToolButton::clicked, this, &NewClusterDialog::randomSeed);
    for (QSpinBox *spin : {m_nodes, m_electionMin, m_electionMax, m_heartbeat, m_latencyMin, m_latencyMax})
        connect(spin, &QSpinBox::valueChanged, this, &NewClusterDialog::validate);
    for (QDoubleSpinBox *spin : {m_loss, m_duplicate})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &NewClusterDialog::validate);
    connect(m_seed, &QLineEdit::textChanged, this, &NewClusterDialog::validate);

    setConfig(initial);
    resize(460, sizeHint().height());
}

raft::ClusterConfig NewClusterDialog::config() const
{
    raft::ClusterConfig config;
    config.nodes = m_nodes->value();
    config.seed = m_seed->text().toULongLong();
    config.electionTimeoutMin = raft::fromMs(m_electionMin->value());
    config.electionTimeoutMax = raft::fromMs(m_electionMax->value());
    config.heartbeatInterval = raft::fromMs(m_heartbeat->value());
    config.network.latencyMin = raft::fromMs(m_latencyMin->value());
    config.network.latencyMax = raft::fromMs(m_latencyMax->value());
    config.network.loss = m_loss->value() / 100.0;
    config.network.duplicate = m_duplicate->value() / 100.0;
    config.noop = m_noop->isChecked();
    return config;
}

void NewClusterDialog::setConfig(const raft::ClusterConfig &config)
{
    m_nodes->setValue(config.nodes);
    m_seed->setText(QString::number(config.seed));
    // The spin boxes count whole milliseconds.
    m_electionMin->setValue(static_cast<int>(raft::toMs(config.electionTimeoutMin)));
    m_electionMax->setValue(static_cast<int>(raft::toMs(config.electionTimeoutMax)));
    m_heartbeat->setValue(static_cast<int>(raft::toMs(config.heartbeatInterval)));
    m_latencyMin->setValue(static_cast<int>(raft::toMs(config.network.latencyMin)));
    m_latencyMax->setValue(static_cast<int>(raft::toMs(config.network.latencyMax)));
    m_loss->setValue(config.network.loss * 100.0);
    m_duplicate->setValue(config.network.duplicate * 100.0);
    m_noop->setChecked(config.noop);
    validate();
}

QString NewClusterDialog::problem() const
{
    const raft::ClusterConfig c = config();
    if (m_seed->text().isEmpty())
        return tr("Enter a seed.");
    if (c.electionTimeoutMax < c.electionTimeoutMin)
        return tr("The election timeout range is empty: the minimum is above the maximum.");
    if (c.network.latencyMax < c.network.latencyMin)
        return tr("The latency range is empty: the minimum is above the maximum.");
    if (c.heartbeatInterval >= c.electionTimeoutMin)
        return tr("The heartbeat (%1 ms) must be shorter than the shortest election timeout (%2 ms), or "
                  "followers time out while the leader is healthy (§5.6).")
            .arg(raft::toMs(c.heartbeatInterval))
            .arg(raft::toMs(c.electionTimeoutMin));
    if (!c.validate().empty())
        return QString::fromStdString(c.validate());
    return {};
}

void NewClusterDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void NewClusterDialog::randomSeed()
{
    // Any seed will do; the wall clock only picks which one.
    m_seed->setText(QString::number(QDateTime::currentMSecsSinceEpoch() % 1000000));
}
