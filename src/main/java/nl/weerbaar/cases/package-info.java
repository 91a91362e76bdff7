/** Cases: the support a supporter gives once they accepted a request: contacts, actions, follow-up, transfer, closure and evaluation. */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package nl.weerbaar.cases;
