Instance: ContributionInvoiceSubscription
InstanceOf: OpenIMISSubscription
Usage: #example
Title: "Subscription ContributionInvoiceSubscription: contribution invoices to an accounting system"
Description: "An accounting system asks to be notified, by REST hook, of every contribution Invoice. The Authorization header shows where the accounting system's own access token goes; the value here is a placeholder, not a credential."
* status = #requested
* reason = "Accounting system integration"
* criteria = "Invoice?type=contribution"
* channel.type = #rest-hook
* channel.endpoint = "https://api.accounting.example.org/invoice/contribution"
* channel.header = "Authorization: Bearer <access-token-of-the-accounting-system>"
