#include "settings.h"

#include "language.h"
#include "simulationcontroller.h"

#include <algorithm>

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSpeed = QStringLiteral("playback/speed");
const QString kAutoRequests = QStringLiteral("playback/autoRequests");
const QString kLegend = QStringLiteral("view/legend");
const QString kLanguage = QStringLiteral("view/language");
const QString kTextSize = QStringLiteral("view/textSize");
const QString kCluster = QStringLiteral("cluster/");

} // namespace

Settings::Settings()
    : m_store(std::make_unique<QSettings>(QStringLiteral("raftviz"), QStringLiteral("raftviz")))
{ }

Settings::Settings(const QString &fileName)
    : m_store(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{ }

QByteArray Settings::geometry() const
{
    return m_store->value(kGeometry).toByteArray();
}
void Settings::setGeometry(const QByteArray &geometry)
{
    m_store->setValue(kGeometry, geometry);
}
QByteArray Settings::windowState() const
{
    return m_store->value(kState).toByteArray();
}
void Settings::setWindowState(const QByteArray &state)
{
    m_store->setValue(kState, state);
}

double Settings::speed() const
{
    bool ok = false;
    const double speed = m_store->value(kSpeed, SimulationController::kDefaultSpeed).toDouble(&ok);
    if (!ok || !(speed > 0.0))
        return SimulationController::kDefaultSpeed;
    return std::clamp(speed, SimulationController::kMinSpeed, SimulationController::kMaxSpeed);
}

void Settings::setSpeed(double speed)
{
    m_store->setValue(kSpeed, speed);
}

raft::ClusterConfig Settings::clusterConfig() const
{
    raft::ClusterConfig config;
    const raft::ClusterConfig defaults;
    auto integer = [&](const char *key, qint64 fallback) {
        bool ok = false;
        const qint64 value = m_store->value(kCluster + QLatin1String(key), fallback).toLongLong(&ok);
        return ok ? value : fallback;
    };
    auto real = [&](const char *key, double fallback) {
        bool ok = false;
        const double value = m_store->value(kCluster + QLatin1String(key), fallback).toDouble(&ok);
        return ok ? value : fallback;
    };
    config.nodes = static_cast<int>(integer("nodes", defaults.nodes));
    config.seed =
        m_store->value(kCluster + QLatin1String("seed"), QVariant::fromValue<qulonglong>(defaults.seed)).toULongLong();
    // Times are stored in whole milliseconds.
    auto millis = [&](const char *key, raft::Time fallback) {
        return raft::fromMs(integer(key, raft::toMs(fallback)));
    };
    config.electionTimeoutMin = millis("electionTimeoutMin", defaults.electionTimeoutMin);
    config.electionTimeoutMax = millis("electionTimeoutMax", defaults.electionTimeoutMax);
    config.heartbeatInterval = millis("heartbeat", defaults.heartbeatInterval);
    config.network.latencyMin = millis("latencyMin", defaults.network.latencyMin);
    config.network.latencyMax = millis("latencyMax", defaults.network.latencyMax);
    config.network.loss = real("loss", defaults.network.loss);
    config.network.duplicate = real("duplicate", defaults.network.duplicate);
    config.noop = m_store->value(kCluster + QLatin1String("noop"), defaults.noop).toBool();
    if (!config.validate().empty())
        return defaults;
    return config;
}

void Settings::setClusterConfig(const raft::ClusterConfig &config)
{
    m_store->setValue(kCluster + QLatin1String("nodes"), config.nodes);
    m_store->setValue(kCluster + QLatin1String("seed"), QVariant::fromValue<qulonglong>(config.seed));
    const auto millis = [](raft::Time t) { return QVariant::fromValue<qlonglong>(raft::toMs(t)); };
    m_store->setValue(kCluster + QLatin1String("electionTimeoutMin"), millis(config.electionTimeoutMin));
    m_store->setValue(kCluster + QLatin1String("electionTimeoutMax"), millis(config.electionTimeoutMax));
    m_store->setValue(kCluster + QLatin1String("heartbeat"), millis(config.heartbeatInterval));
    m_store->setValue(kCluster + QLatin1String("latencyMin"), millis(config.network.latencyMin));
    m_store->setValue(kCluster + QLatin1String("latencyMax"), millis(config.network.latencyMax));
    m_store->setValue(kCluster + QLatin1String("loss"), config.network.loss);
    m_store->setValue(kCluster + QLatin1String("duplicate"), config.network.duplicate);
    m_store->setValue(kCluster + QLatin1String("noop"), config.noop);
}

QString Settings::language() const
{
    const QString stored = m_store->value(kLanguage).toString();
    if (Language::available().contains(stored))
        return stored;
    return Language::systemDefault();
}

void Settings::setLanguage(const QString &language)
{
    m_store->setValue(kLanguage, language);
}

bool Settings::legendVisible() const
{
    return m_store->value(kLegend, true).toBool();
}
void Settings::setLegendVisible(bool visible)
{
    m_store->setValue(kLegend, visible);
}
bool Settings::autoRequests() const
{
    return m_store->value(kAutoRequests, true).toBool();
}
void Settings::setAutoRequests(bool on)
{
    m_store->setValue(kAutoRequests, on);
}

int Settings::textSize() const
{
    bool ok = false;
    const int percent = m_store->value(kTextSize, kMinTextSize).toInt(&ok);
    return ok ? std::clamp(percent, kMinTextSize, kMaxTextSize) : kMinTextSize;
}
void Settings::setTextSize(int percent)
{
    m_store->setValue(kTextSize, std::clamp(percent, kMinTextSize, kMaxTextSize));
}

void Settings::sync()
{
    m_store->sync();
}
QString Settings::fileName() const
{
    return m_store->fileName();
}
