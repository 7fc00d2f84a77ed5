#include "lessoncatalogue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace {

const QString kSuffix = QStringLiteral(".scenario");

QString titleKey(const QString &language, const QString &name)
{
    return language + QLatin1Char('/') + name;
}

} // namespace

LessonCatalogue::LessonCatalogue(const QString &root)
    : m_root(root)
{
    const QDir dir(root);
    const QStringList files = dir.entryList({QLatin1Char('*') + kSuffix}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        m_lessons.append({QFileInfo(file).completeBaseName(), dir.filePath(file)});
    // The lessons in teaching order, then any others by name.
    std::stable_sort(m_lessons.begin(), m_lessons.end(), [](const Lesson &a, const Lesson &b) {
        auto rank = [](const QString &name) {
            const qsizetype i = teachingOrder().indexOf(name);
            return i < 0 ? teachingOrder().size() : i;
        };
        return rank(a.name) < rank(b.name);
    });

    m_languages.append(QLatin1String(kSourceLanguage));
    m_languages.append(dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name));
    for (const QString &language : m_languages)
        for (const Lesson &lesson : m_lessons) {
            const QString file = language == QLatin1String(kSourceLanguage)
                ? lesson.path
                : dir.filePath(language + QLatin1Char('/') + lesson.name + kSuffix);
            const QString title = titleOf(headerLine(file));
            if (!title.isEmpty())
                m_titles.insert(titleKey(language, lesson.name), title);
        }
}

QString LessonCatalogue::path(const QString &name, const QString &language) const
{
    const auto lesson = std::find_if(m_lessons.begin(), m_lessons.end(),
                                     [&](const Lesson &l) { return l.name == name; });
    if (lesson == m_lessons.end())
        return {};
    const QString translated = QDir(m_root).filePath(language + QLatin1Char('/') + name + kSuffix);
    return language != QLatin1String(kSourceLanguage) && QFile::exists(translated) ? translated : lesson->path;
}

QString LessonCatalogue::title(const QString &name, const QString &language) const
{
    return m_titles.value(titleKey(language, name),
                          m_titles.value(titleKey(QLatin1String(kSourceLanguage), name), name));
}

QString LessonCatalogue::lessonOf(const QString &file) const
{
    const QFileInfo info(file);
    QString name = info.completeBaseName();
    for (const QString &language : m_languages)
        if (QFileInfo(path(name, language)) == info)
            return name;
    return {};
}

const QStringList &LessonCatalogue::teachingOrder()
{
    static const QStringList order = {
        QStringLiteral("roles-and-terms"),
        QStringLiteral("leader-election"),
        QStringLiteral("split-vote"),
        QStringLiteral("state-machine"),
        QStringLiteral("leader-crash"),
        QStringLiteral("leader-crash-uncommitted"),
        QStringLiteral("lagging-follower"),
        QStringLiteral("minority-leader"),
        QStringLiteral("partition-leader-minority"),
        QStringLiteral("partition-leader-majority"),
        QStringLiteral("one-way-link"),
        QStringLiteral("flaky-network"),
        QStringLiteral("prevote-rejoin"),
        QStringLiteral("checkquorum-step-down"),
        QStringLiteral("leadership-transfer"),
        QStringLiteral("snapshot-far-behind"),
        QStringLiteral("snapshot-restart"),
        QStringLiteral("stale-read-local"),
        QStringLiteral("read-index"),
        QStringLiteral("retry-without-sessions"),
        QStringLiteral("retry-with-sessions"),
        QStringLiteral("most-votes-wins"),
        QStringLiteral("bug-vote-without-log-check"),
        QStringLiteral("bug-commit-old-terms"),
        QStringLiteral("bug-forget-vote-on-restart"),
        QStringLiteral("bug-same-timeouts"),
        QStringLiteral("bug-apply-before-commit"),
        QStringLiteral("bug-truncate-on-stale-append"),
        QStringLiteral("membership-grow"),
        QStringLiteral("membership-remove-leader"),
        QStringLiteral("membership-two-at-once"),
        QStringLiteral("membership-joint"),
    };
    return order;
}

QString LessonCatalogue::headerLine(const QString &file)
{
    QFile in(file);
    if (file.isEmpty() || !in.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QString first = QString::fromUtf8(in.readLine()).trimmed();
    if (!first.startsWith(QLatin1Char('#')))
        return {};
    return first.mid(1).trimmed();
}

QString LessonCatalogue::titleOf(const QString &header)
{
    // "Flaky Network (20% Loss) (§5.2, §5.3)" → "Flaky Network (20% Loss)".
    static const QRegularExpression reference(QStringLiteral("\\s*[(（]§[^()（）]*[)）]\\s*$"));
    return QString(header).remove(reference).trimmed();
}
