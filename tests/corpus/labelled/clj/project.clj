(defproject acme/edn-tools "4.25.17"
  :description "EDN helpers"
  :dependencies [[org.clojure/clojure "1.11.3"]]
  :deploy-repositories [["clojars" {:url "https://repo.clojars.org"
                                    :username "acme-ci"
                                    :password "CLOJARS_saiarww01h3g74ov2py3b4i2jwzmm2clihbjvgi4wjfo78wj2ilx09ry8sn0"
                                    :sign-releases false}]]
  :profiles {:dev {:dependencies [[criterium "0.4.6"]]}})
