CodeSystem: FeedbackStatusCS
Id: feedback-status
Title: "Feedback Status (CommunicationRequest)"
Description: "Feedback status of a claim as openIMIS numbers it (a subset of the openIMIS statuses)."
* ^caseSensitive = true
* ^content = #complete
* #4 "Selected" "Selected for Feedback"
* #8 "Delivered" "Feedback delivered"
* #16 "Bypassed" "Feedback bypassed"

ValueSet: FeedbackStatusVS
Id: feedback-status
Title: "Feedback Status (CommunicationRequest)"
Description: "Feedback status of a claim as openIMIS numbers it (a subset of the openIMIS statuses). All codes of the code system of the same id."
* include codes from system FeedbackStatusCS
