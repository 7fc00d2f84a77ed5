#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// ClientRequestDialog asks for one client command for the key/value store: set a key
/// to a value, or delete a key. The OK button is enabled only for a valid command.
class ClientRequestDialog : public QDialog {
    Q_OBJECT
public:
    /// ClientRequestDialog offers a request to `target` ("S3", or "the leader").
    explicit ClientRequestDialog(const QString &target, QWidget *parent = nullptr);

    /// command is the command as the store reads it: "set KEY VALUE" or "del KEY".
    QString command() const;
    /// setCommand fills the fields from a command.
    void setCommand(const QString &key, const QString &value, bool remove = false);

private:
    void validate();

    QComboBox *m_operation = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_value = nullptr;
    QLabel *m_valueLabel = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
