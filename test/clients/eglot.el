;;; eglot.el --- drives Emacs and eglot the way a user does  -*- lexical-binding: t -*-
;; With the README's snippet as init file: opens a draft, reads a hover as eglot renders it, goes to a
;; definition through xref, waits for the quote check in flymake, takes the quick fix with eglot-code-actions,
;; completes a quotation through eglot's completion-at-point, and writes a corpus file while running. Writes
;; what it saw to $STATEMENT_LENS_RESULT as JSON; the assertions are in emacs.test.ts.
(require 'cl-lib)
(require 'json)

(defvar statement-lens-result (list (cons 'errors nil)))
(defvar statement-lens-indexed nil "The `statementLens/indexed' notifications, newest first.")
(defvar statement-lens-messages nil)

(defun statement-lens-record (key value)
  (push (cons key value) statement-lens-result))

(defun statement-lens-error (message)
  (push message (alist-get 'errors statement-lens-result)))

(defun statement-lens-finish ()
  (with-temp-file (getenv "STATEMENT_LENS_RESULT")
    (insert (json-encode statement-lens-result)))
  (kill-emacs 0))

(defun statement-lens-wait (what condition timeout)
  "Wait up to TIMEOUT seconds for CONDITION, handling the server's messages; return the seconds it took."
  (let ((started (float-time)))
    (while (and (not (funcall condition)) (< (- (float-time) started) timeout))
      (accept-process-output nil 0.02))
    (if (funcall condition)
        (- (float-time) started)
      (statement-lens-error (format "timed out waiting for %s" what))
      nil)))

(defun statement-lens-goto (text)
  (goto-char (point-min))
  (search-forward text)
  (goto-char (match-beginning 0)))

;; What Emacs does at start-up before the init file (the batch mode skips it): activate installed packages.
(package-activate-all)
(load (getenv "STATEMENT_LENS_INIT") nil t)
(setq eglot-sync-connect 10)

(with-eval-after-load 'eglot
  (cl-defmethod eglot-handle-notification (_server (_method (eql statementLens/indexed)) &key documents &allow-other-keys)
    (push documents statement-lens-indexed))
  (cl-defmethod eglot-handle-notification :before (_server (_method (eql window/showMessage)) &key message &allow-other-keys)
    (push message statement-lens-messages)))

(condition-case err
    (progn
      (find-file (getenv "STATEMENT_LENS_DRAFT"))
      (statement-lens-record 'mode (symbol-name major-mode))
      ;; eglot-ensure connects after the command that visited the file; the batch mode has no command loop.
      (run-hooks 'post-command-hook)
      (statement-lens-wait "the first index" (lambda () statement-lens-indexed) 30)
      (statement-lens-record 'indexed (car (last statement-lens-indexed)))
      (statement-lens-record 'managed (if (bound-and-true-p eglot--managed-mode) t :json-false))
      (let ((draft (current-buffer))
            (server (eglot-current-server)))
        ;; Hover, rendered as eglot shows it in the echo area.
        (statement-lens-goto "Qin Gang told")
        (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
          (statement-lens-record 'hover (eglot--hover-info (plist-get hover :contents) (plist-get hover :range))))
        ;; Definition through xref, as M-. does.
        (statement-lens-goto "Yang Tao said")
        (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
        (statement-lens-record 'definition `((file . ,(or (buffer-file-name) (buffer-name)))
                                              (line . ,(buffer-substring-no-properties (line-beginning-position) (line-end-position)))))
        (switch-to-buffer draft)
        ;; The quote check, through flymake.
        (statement-lens-wait "the quote check" (lambda () (>= (length (flymake-diagnostics)) 3)) 10)
        (statement-lens-record 'diagnostics (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))
        ;; The quick fix, as M-x eglot-code-actions offers it.
        (statement-lens-goto "foreseeable")
        (eglot-code-actions (point) (point) "quickfix" t)
        (statement-lens-record 'fixed (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
        ;; Completion at `said "`: eglot's completion-at-point, the first candidate accepted.
        (goto-char (point-max))
        (re-search-backward "^Le Yucheng said \"$")
        (end-of-line)
        (let* ((capf (eglot-completion-at-point))
               (start (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
               (candidates (all-completions (buffer-substring-no-properties start end) table))
               (chosen (car candidates)))
          (statement-lens-record 'candidates (length candidates))
          (when chosen
            (delete-region start end)
            (insert chosen)
            (funcall (plist-get (nthcdr 3 capf) :exit-function) chosen 'finished))
          (statement-lens-record 'completed (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
        ;; A corpus file written while Emacs runs (~/corpus is outside the project eglot watches).
        (let ((before (car statement-lens-indexed)))
          (with-temp-file (expand-file-name "added.txt" (getenv "STATEMENT_LENS_CORPUS"))
            (insert (getenv "STATEMENT_LENS_ADDED")))
          (statement-lens-record 'added-after-seconds
                                 (statement-lens-wait "the added file" (lambda () (> (car statement-lens-indexed) before)) 10)))
        (goto-char (point-min))
        (insert (getenv "STATEMENT_LENS_ADDED_PERSON") " spoke first.\n")
        (goto-char (1+ (point-min)))
        ;; eglot sends the edit when idle, or before a request of its own; this request is the test's.
        (eglot--signal-textDocument/didChange)
        (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
          (statement-lens-record 'added-hover (and hover (eglot--hover-info (plist-get hover :contents)))))
        (statement-lens-record 'messages statement-lens-messages)
        (with-current-buffer (jsonrpc-events-buffer server)
          (statement-lens-record 'registration-failed
                                 (if (string-match-p "refused to watch" (buffer-string)) t :json-false)))))
  (error (statement-lens-error (format "%S" err))))
(statement-lens-finish)
