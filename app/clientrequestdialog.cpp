#include "clientrequestdialog.h"

#include "raft/kvstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

ClientRequestDialog::ClientRequestDialog(const QString &target, QWidget *parent)
    : QDialog(parent)
    , m_operation(new QComboBox(this))
    , m_key(new QLineEdit(this))
    , m_value(new QLineEdit(this))
    , m_valueLabel(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("clientRequestDialog"));
    setWindowTitle(tr("Client request to %1").arg(target));
    m_operation->setObjectName(QStringLiteral("operationCombo"));
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_value->setObjectName(QStringLiteral("valueEdit"));
    m_operation->addItem(tr("set KEY VALUE"), QStringLiteral("set"));
    m_operation->addItem(tr("del KEY"), QStringLiteral("del"));
    // Keys and values are single words, as the store's commands are split on blanks.
    const QRegularExpression word(QStringLiteral("\\S{0,40}"));
    m_key->setValidator(new QRegularExpressionValidator(word, m_key));
    m_value->setValidator(new QRegularExpressionValidator(word, m_value));
    m_key->setPlaceholderText(tr("e.g. x"));
    m_value->setPlaceholderText(tr("e.g. 5"));
    m_key->setText(QStringLiteral("x"));
    m_value->setText(QStringLiteral("1"));
    m_valueLabel->setText(tr("&Value:"));
    m_valueLabel->setBuddy(m_value);
    m_problem->setStyleSheet(QStringLiteral("color: #b0301c;"));

    auto *intro = new QLabel(tr("The client sends one command for the replicated key/value store. Only the leader "
                                "accepts it; it takes effect once it is committed (§5.3, §8)."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Command:"), m_operation);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(m_valueLabel, m_value);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_operation, &QComboBox::currentIndexChanged, this, &ClientRequestDialog::validate);
    connect(m_key, &QLineEdit::textChanged, this, &ClientRequestDialog::validate);
    connect(m_value, &QLineEdit::textChanged, this, &ClientRequestDialog::validate);
    validate();
    resize(380, sizeHint().height());
}

QString ClientRequestDialog::command() const
{
    if (m_operation->currentData().toString() == QLatin1String("del"))
        return QStringLiteral("del %1").arg(m_key->text().trimmed());
    return QStringLiteral("set %1 %2").arg(m_key->text().trimmed(), m_value->text().trimmed());
}

void ClientRequestDialog::setCommand(const QString &key, const QString &value, bool remove)
{
    m_operation->setCurrentIndex(remove ? 1 : 0);
    m_key->setText(key);
    m_value->setText(value);
}

void ClientRequestDialog::validate()
{
    const bool remove = m_operation->currentData().toString() == QLatin1String("del");
    m_value->setEnabled(!remove);
    m_valueLabel->setEnabled(!remove);
    QString problem;
    if (m_key->text().trimmed().isEmpty())
        problem = tr("Enter a key.");
    else if (!remove && m_value->text().trimmed().isEmpty())
        problem = tr("Enter a value.");
    else if (!raft::KvStore::isValidCommand(command().toStdString()))
        problem = tr("Keys and values are single words.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}
