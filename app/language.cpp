#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

QString &currentCode()
{
    static QString code = QStringLiteral("en");
    return code;
}

/// translators holds the installed translators: ours and Qt's own.
QTranslator &appTranslator()
{
    static QTranslator translator;
    return translator;
}

QTranslator &qtTranslator()
{
    static QTranslator translator;
    return translator;
}

} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Language::systemDefault()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString Language::displayName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString Language::current()
{
    return currentCode();
}

bool Language::apply(const QString &code)
{
    if (!available().contains(code))
        return false;
    QCoreApplication::removeTranslator(&appTranslator());
    QCoreApplication::removeTranslator(&qtTranslator());
    if (code == QLatin1String("en")) {
        currentCode() = code;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return true;
    }
    if (!appTranslator().load(QStringLiteral(":/i18n/raftviz_%1.qm").arg(code)))
        return false;
    QCoreApplication::installTranslator(&appTranslator());
    if (qtTranslator().load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator());
    QLocale::setDefault(QLocale(code));
    currentCode() = code;
    return true;
}
